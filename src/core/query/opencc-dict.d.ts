// opencc-js ships its dictionaries as plain ES modules without typings: each default-exports
// "source target|source target|…". Only the traditional→simplified character table is used.
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
