// Offline: the service worker (/service-worker.js), podcasts saved for offline listening, and the
// answers written offline, queued until the server answers again.
//
// A saved podcast is its JSON, its audio and (audio-only) its transcript, in the Cache Storage
// cache `dailycast-private-<user id>`: the worker serves it only to requests with that user's
// token, and every private cache is deleted at sign-out. Queued answers are kept per question in
// localStorage (a newer answer replaces the queued one) with the time each was written; the API
// keeps the newer of that and what it has (PUT answers' `written_at`), so an answer sent late
// never overwrites a newer one, and sending one twice changes nothing.

import { api, getToken } from './api.js';

const QUEUE_KEY = 'dailycast.answer-queue';
const PRIVATE = 'dailycast-private-';

export function registerServiceWorker() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/service-worker.js').catch(() => {});
}

const privateCache = (userId) => caches.open(`${PRIVATE}${userId}`);
const podcastPath = (id) => `/api/podcasts/${id}/`;

export async function isSavedOffline(userId, podcastId) {
  return Boolean(await (await privateCache(userId)).match(podcastPath(podcastId)));
}

// Fetch the podcast's JSON, its audio served by the API (a storage service's signed links expire:
// not saved) and its transcript, and keep them; all or nothing.
export async function saveOffline(userId, podcast) {
  const paths = [podcastPath(podcast.id), ...podcast.audio.map((track) => track.url).filter((url) => url.startsWith('/'))];
  if (podcast.output_format === 'audio') paths.push(`/api/podcasts/${podcast.id}/transcript/`);
  const headers = { Authorization: `Bearer ${getToken()}` };
  const responses = await Promise.all(paths.map(async (path) => {
    const response = await fetch(path, { headers });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  }));
  const cache = await privateCache(userId);
  await Promise.all(responses.map((response, i) => cache.put(paths[i], response)));
}

export async function removeOffline(userId, podcastId) {
  const cache = await privateCache(userId);
  for (const request of await cache.keys()) {
    if (new URL(request.url).pathname.startsWith(podcastPath(podcastId))) await cache.delete(request);
  }
}

// At sign-out: no learner's podcasts stay on the device.
export async function forgetOffline() {
  if (!('caches' in window)) return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PRIVATE)).map((name) => caches.delete(name)));
}

const readQueue = () => JSON.parse(localStorage.getItem(QUEUE_KEY) || '{}');
const writeQueue = (queue) => localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
const queueKey = (userId, podcastId, questionId) => `${userId}/${podcastId}/${questionId}`;

export function queueAnswer(userId, podcastId, questionId, answer) {
  const queue = readQueue();
  queue[queueKey(userId, podcastId, questionId)] = { answer, written_at: new Date().toISOString() };
  writeQueue(queue);
}

// This learner's queued answers to one podcast: {questionId: answer}.
export function queuedAnswers(userId, podcastId) {
  const prefix = `${userId}/${podcastId}/`;
  return Object.fromEntries(Object.entries(readQueue()).filter(([key]) => key.startsWith(prefix))
    .map(([key, entry]) => [key.slice(prefix.length), entry.answer]));
}

// Send this learner's queued answers, each with the time it was written; resolves to the API's
// answers of each podcast sent to ({podcastId: answers}). One left queued if the server is still
// out of reach; one the server refuses (the podcast deleted) is dropped.
export async function sendQueuedAnswers(userId) {
  const sent = {};
  for (const [key, entry] of Object.entries(readQueue())) {
    const [user, podcastId, questionId] = key.split('/');
    if (Number(user) !== userId) continue;
    let answers = null;
    try {
      answers = (await api(`/api/podcasts/${podcastId}/answers/`, {
        method: 'PUT', body: { answers: { [questionId]: entry.answer }, written_at: entry.written_at },
      })).answers;
    } catch (err) {
      if (err.status === 0 || err.status === 401 || err.status >= 500) continue; // not now: later
    }
    const queue = readQueue();
    if (queue[key] && queue[key].written_at === entry.written_at) delete queue[key]; // unless rewritten meanwhile
    writeQueue(queue);
    if (answers) sent[podcastId] = answers;
  }
  return sent;
}
