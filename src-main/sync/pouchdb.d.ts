/** pouchdb ships no types; src-main/sync/pouch.ts declares the part of its API we use. */
declare module 'pouchdb';
