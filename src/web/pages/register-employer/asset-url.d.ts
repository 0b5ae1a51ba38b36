// Vite's `?url` imports: the module is the URL of the file, emitted as a separate asset.
declare module '*.json?url' {
  const url: string;
  export default url;
}
