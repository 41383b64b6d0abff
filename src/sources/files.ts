/**
 * The reference tables every report year shares, relative to the data directory: required (the
 * comparison groups apart), and read before any year's data, which they describe and cite.
 */
export const REFERENCE_FILES = {
  polisregioner: "polisregioner.csv",
  brottskoder: "brottskoder.csv",
  kallor: "kallor.csv",
  jamforelser: "brottskoder-jamforelser.csv",
} as const;
