/**
 * electron-builder's configuration (`npm run dist`): Factmark as an AppImage and a .deb, a .dmg
 * and an NSIS installer. The app is the electron-vite build (out/) and the bundled resources,
 * packed in app.asar; the afterPack hook flips the fuses of resources/fuses.json.
 */
import type { Configuration } from 'electron-builder';
import { afterPack } from './scripts/after-pack';

const config = {
  appId: 'org.factmark.desktop',
  productName: 'Factmark',
  copyright: 'Factmark',
  directories: { output: 'dist', buildResources: 'resources/icons' },
  files: ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/samples/**', 'resources/models/**', 'resources/icons/icon.png'],
  asar: true,
  // No native modules: nothing to rebuild against Electron's Node.
  npmRebuild: false,
  afterPack,
  icon: 'resources/icons/icon.png',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'Fact-checking annotation desk',
    maintainer: 'Factmark <factmark@localhost>',
  },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
} satisfies Configuration;

export default config;
