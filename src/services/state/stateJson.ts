/**
 * The JSON text of a state object, so the same 1–2 KB are not serialized again within a turn.
 * Two maps, one per direction, so a text can never be used for the wrong purpose:
 * - readJson: MongoStorage sets it right after parsing a document; TrackedState.load takes it as
 *   the fingerprint of the unchanged state (a plain BotState simply never looks).
 * - writeJson: TrackedState.save sets it right before handing the object to storage.write, in the
 *   same tick; MongoStorage takes it instead of serializing the object again.
 * Both hold the state without eTag and handoff mark, as stored in the document's `data`.
 */
export const readJson = new WeakMap<object, string>();
export const writeJson = new WeakMap<object, string>();
