/** xhr2 ships no types: it exports one XMLHttpRequest class for Node. */
declare module 'xhr2' {
  const XMLHttpRequestPolyfill: { new (): XMLHttpRequest };
  export default XMLHttpRequestPolyfill;
}
