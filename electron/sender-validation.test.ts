import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts } from './sender-validation';

const trusted: SenderFacts = {
  frameUrl: 'app://marginalia/index.html',
  fromOurWindow: true,
  isMainFrame: true,
  detached: false,
};

describe('isTrustedSender', () => {
  it('trusts the main frame of our window showing our app', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://marginalia/' })).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://marginalia/index.html?doc=1#sheet-2' })).toBe(true);
  });

  it('refuses a frame that Electron no longer has', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: null })).toBe(false);
  });

  it('refuses another webContents', () => {
    expect(isTrustedSender({ ...trusted, fromOurWindow: false })).toBe(false);
  });

  it('refuses a subframe, even one showing our app', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
  });

  it('refuses a detached frame', () => {
    expect(isTrustedSender({ ...trusted, detached: true })).toBe(false);
  });

  it.each([
    'https://example.org/',
    'file:///home/user/dist/renderer/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'app://marginalia.evil.example/index.html',
    'app://marginaliaX/',
    'app://evil/marginalia/',
    'app://marginalia:8080/index.html',
    'app://user@marginalia/index.html',
    'APP://MARGINALIA/index.html',
    'app://marginalia',
    'data:text/html,app://marginalia/',
    '',
  ])('refuses the main frame when it shows %j', (frameUrl) => {
    expect(isTrustedSender({ ...trusted, frameUrl })).toBe(false);
  });
});
