import { useState } from 'react';

/**
 * The value, or the last non-null one while it is null: a modal keeps showing its record during the closing
 * animation after the page has already let go of it.
 */
export function useLastNonNull<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}
