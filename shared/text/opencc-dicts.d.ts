// opencc-js ships its raw dictionaries as ES modules without type declarations; each one
// default-exports a "source target|source target" string.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
