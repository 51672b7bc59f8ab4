/**
 * The claim editor's publication fields: the claim as checked, the public explanation, the verdict
 * date and the claimant kind, and the "no source recorded" warning for a Verified or False claim
 * without evidence. Text fields save when they lose focus; the others when they change.
 */
import { claimAsCheckedOf, isVerdict, lacksSource } from '../../src-shared/claim-publication';
import type { ClaimantKindId, ClaimRecord } from '../../src-shared/model';
import { useDraft } from '../components/use-draft';
import './publication.css';

type PublicationPatch = Partial<Pick<ClaimRecord, 'claimAsChecked' | 'explanation' | 'verdictDate' | 'claimantKind'>>;

interface Props {
  claim: ClaimRecord;
  onPatch(patch: PublicationPatch): void;
}

export function ClaimPublicationFields({ claim, onPatch }: Props) {
  const checked = useDraft(claim.claimAsChecked, (next) => onPatch({ claimAsChecked: next.trim() }));
  const explanation = useDraft(claim.explanation, (next) => onPatch({ explanation: next }));
  const verdict = isVerdict(claim.status);
  return (
    <section aria-label="For publication" className="fm-editor-section">
      <h3 className="fm-section-title">For publication</h3>
      {lacksSource(claim) ? (
        <p className="fm-warning" role="note">
          ⚠ No source recorded: add the evidence for this verdict before publishing.
        </p>
      ) : null}
      <label className="fm-field">
        <span>Claim as checked</span>
        <textarea rows={2} {...checked} placeholder={claimAsCheckedOf({ claimAsChecked: '', target: claim.target })} />
      </label>
      <label className="fm-field">
        <span>Public explanation</span>
        <textarea rows={3} {...explanation} placeholder="Why this verdict, for readers (the note stays internal)" />
      </label>
      <div className="fm-editor-grid">
        <label className="fm-field">
          <span>Made by</span>
          <select value={claim.claimantKind} onChange={(e) => onPatch({ claimantKind: e.target.value as ClaimantKindId })}>
            <option value="person">A person</option>
            <option value="organisation">An organisation</option>
          </select>
        </label>
        <label className="fm-field">
          <span>Verdict date</span>
          <input
            type="date"
            value={claim.verdictDate}
            disabled={!verdict}
            title={verdict ? undefined : 'Set when the claim gets a verdict'}
            onChange={(e) => {
              if (/^(\d{4}-\d{2}-\d{2})?$/.test(e.target.value)) onPatch({ verdictDate: e.target.value });
            }}
          />
        </label>
      </div>
    </section>
  );
}
