/** Readability's own file, without the package index that also bundles isProbablyReaderable. */
declare module '@mozilla/readability/Readability.js' {
  import { Readability } from '@mozilla/readability';
  export default Readability;
}
