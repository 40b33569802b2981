import { createContext } from 'react';

/**
 * True while a section may not be edited (no consent yet). Form controls are disabled by the
 * section's <fieldset disabled>; controls that are not form elements (the body map) read this.
 */
export const ReadOnlyContext = createContext(false);
