// natural ships one declaration file for its distance index; this gives the Jaro-Winkler module its type.
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  const JaroWinklerDistance: typeof import('natural/lib/natural/distance/index.js').JaroWinklerDistance;
  export default JaroWinklerDistance;
}
