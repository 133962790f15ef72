import { describe, expect, it } from 'vitest';
import { isPermissionAllowed, PERSISTENT_STORAGE_PERMISSION } from './permissions';

describe('isPermissionAllowed', () => {
  it('grants persistent storage to our app, by origin or by page URL', () => {
    expect(isPermissionAllowed(PERSISTENT_STORAGE_PERMISSION, 'app://marginalia')).toBe(true);
    expect(isPermissionAllowed(PERSISTENT_STORAGE_PERMISSION, 'app://marginalia/')).toBe(true);
    expect(isPermissionAllowed(PERSISTENT_STORAGE_PERMISSION, 'app://marginalia/index.html')).toBe(true);
  });

  it.each(['https://example.org', 'file:///tmp/x.html', 'app://other', 'app://marginalia.evil', ''])(
    'refuses persistent storage to %j',
    (requester) => {
      expect(isPermissionAllowed(PERSISTENT_STORAGE_PERMISSION, requester)).toBe(false);
    },
  );

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'fileSystem', 'unknown', 'Persistent-Storage'])(
    'refuses %s even to our app',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://marginalia/index.html')).toBe(false);
    },
  );
});
