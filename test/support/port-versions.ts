/** Two versions of one short news article (a corrected figure, a sentence gone, a paragraph moved), for the article-versions tests. */

export const PORT_V1 = [
  'Port expansion approved',
  'The city council approved the £240 million expansion of the eastern terminal on Tuesday, ending a two-year dispute.',
  'Council leader Martin Osei said the project would create "at least 1,800 permanent jobs" within five years.',
  'Residents near the estuary fear heavier lorry traffic on the ring road.',
  'Work on the new berth is due to start in the spring, the port authority said.',
].join('\n\n');

export const PORT_V2 = [
  'Port expansion approved',
  'Correction: an earlier version of this article gave the wrong cost.',
  'The city council approved the £260 million expansion of the eastern terminal on Tuesday, ending a two-year dispute.',
  'Work on the new berth is due to start in the spring, the port authority said.',
  'Council leader Martin Osei said the project would create "at least 1,800 permanent jobs" within five years.',
].join('\n\n');
