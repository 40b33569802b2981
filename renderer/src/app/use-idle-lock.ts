import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'input'] as const;

/**
 * Calls `onIdle` once after `seconds` without keyboard, mouse or touch activity. A laptop left
 * open in a room must not keep a testimony on screen.
 */
export function useIdleLock(enabled: boolean, seconds: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onIdleRef.current(), seconds * 1000);
    };
    restart();
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart);
    };
  }, [enabled, seconds]);
}
