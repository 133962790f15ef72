/**
 * Which web permissions the renderer gets: persistent storage, and nothing else.
 *
 * Marginalia keeps all of a user's work in IndexedDB, so it asks `navigator.storage.persist()`
 * to keep Chromium from evicting it under storage pressure. No feature needs the camera,
 * notifications, geolocation, the clipboard-read prompt or any other permission, so every
 * other request is refused, and so is any request from a page that is not our app.
 */
import { APP_ORIGIN, isAppUrl } from './app-origin';

/**
 * Electron's name for Chromium's durable-storage permission (`navigator.storage.persist()`).
 * Electron's typings do not list it among the permission names, but this is the string the
 * permission handlers receive.
 */
export const PERSISTENT_STORAGE_PERMISSION = 'persistent-storage';

/**
 * Whether to grant `permission` to a page at `requester`, which may be a full URL (request
 * handler: `details.requestingUrl`) or an origin (check handler: `requestingOrigin`).
 */
export function isPermissionAllowed(permission: string, requester: string): boolean {
  if (permission !== PERSISTENT_STORAGE_PERMISSION) return false;
  return requester === APP_ORIGIN || isAppUrl(requester);
}
