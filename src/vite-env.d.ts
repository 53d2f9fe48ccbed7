/// <reference types="svelte" />
/// <reference types="vite/client" />

// sql.js ships its browser build without typings of its own; it has the API of the main build.
declare module 'sql.js/dist/sql-wasm-browser.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
