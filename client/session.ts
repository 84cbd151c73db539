/** The signed-in person and their workspaces, loaded once and refreshed after changes. */
import { createResource } from 'solid-js';
import { api, ApiError } from './api.js';

async function loadMe() {
  try {
    return await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

const [me, { refetch, mutate }] = createResource(loadMe);
export { me, refetch as refreshMe, mutate as setMe };
