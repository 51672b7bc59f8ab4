/** Run work after the next frame has been painted, so it never delays drawing an edit. */

/** How long to wait for a frame that may never come (a hidden window draws none). */
const NO_FRAME_MS = 50;

/**
 * Call `run` in a task after the next painted frame, or after 50 ms when no frame comes (a hidden
 * window). Returns a function that cancels it.
 */
export function afterNextPaint(run: () => void): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (done) return;
    cancel();
    run();
  };
  const fallback = setTimeout(finish, NO_FRAME_MS);
  const frame = requestAnimationFrame(() => (task = setTimeout(finish, 0)));
  function cancel() {
    done = true;
    clearTimeout(fallback);
    clearTimeout(task);
    cancelAnimationFrame(frame);
  }
  return cancel;
}

/** A promise of `afterNextPaint`. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => afterNextPaint(resolve));
}
