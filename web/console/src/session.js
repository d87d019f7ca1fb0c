// Who is logged in and what they may do. The server decides every request;
// this only hides controls a role could not use (a 403 would follow anyway).
import { api, setCsrf } from './api.js';

let current = null;

// Mirrors src/server/auth/actor.cpp `allowed` for when the session carries no list.
const ROLE_PERMISSIONS = {
  owner: ['read', 'respond', 'templates', 'moderate', 'manage'],
  moderator: ['read', 'respond', 'templates', 'moderate'],
  responder: ['read', 'respond'],
};

export function session() {
  return current;
}

export function setSession(data) {
  current = data;
  setCsrf(data ? data.csrf : '');
}

/** GET /session; null when there is none (401). */
export async function loadSession() {
  try {
    setSession(await api('GET', 'session', undefined, { login: true }));
  } catch (error) {
    // 401 = not logged in; anything else (server down) also leads to the
    // login page, whose submit shows the server's answer.
    setSession(null);
  }
  return current;
}

export function can(permission) {
  if (!current) return false;
  const list = Array.isArray(current.permissions)
    ? current.permissions.map((name) => String(name).toLowerCase())
    : ROLE_PERMISSIONS[current.user?.role] || [];
  return list.includes(permission);
}

export const me = () => current?.user?.name || '';
