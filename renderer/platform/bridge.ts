/**
 * The host bridge the rest of the renderer uses: Electron's preload when present, else the
 * browser implementation.
 */
import { BRIDGE_GLOBAL, type MarginaliaBridge } from '../../shared/bridge';
import { BrowserBridge } from './browser-bridge';

function pickBridge(): MarginaliaBridge {
  const fromPreload = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as MarginaliaBridge | undefined;
  return fromPreload ?? new BrowserBridge();
}

export const bridge: MarginaliaBridge = pickBridge();
