/** A ref holding the value of the latest render, for stable callbacks that must read current props when they run. */
import { useRef, type MutableRefObject } from 'react';

export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
