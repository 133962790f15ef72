/**
 * Who may talk to the main process.
 *
 * Every IPC message is checked against the facts of the frame that sent it, following the
 * Electron security checklist ("validate the sender of all IPC messages"): a message counts
 * only when it comes from the main frame of our own window while that frame shows our app.
 * A subframe, a frame that has navigated away, or any other webContents is refused, so that
 * content which somehow got into the window cannot reach the bridge's handlers.
 */
import { isAppUrl } from './app-origin';

/** What the main process knows about the frame that sent a message. */
export interface SenderFacts {
  /**
   * The sending frame's current URL, or null when Electron no longer has the frame
   * (`event.senderFrame` is null after the frame navigated or was destroyed).
   */
  readonly frameUrl: string | null;
  /** The message came from our window's webContents (not a devtools or stray webContents). */
  readonly fromOurWindow: boolean;
  /** The sending frame is that webContents' main frame, not an iframe inside it. */
  readonly isMainFrame: boolean;
  /** The frame has been detached from its page (it is on its way out). */
  readonly detached: boolean;
}

/** Whether a message with these sender facts may be acted on. */
export function isTrustedSender(facts: SenderFacts): boolean {
  return (
    facts.frameUrl !== null &&
    facts.fromOurWindow &&
    facts.isMainFrame &&
    !facts.detached &&
    isAppUrl(facts.frameUrl)
  );
}
