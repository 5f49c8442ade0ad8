/**
 * What Slack itself refuses in a message, for the stand-in: Block Kit shapes and limits (invalid_blocks),
 * text length (msg_too_long) and metadata format (invalid_metadata_format). Written from Slack's
 * reference (api.slack.com/reference/block-kit, chat.postMessage, message metadata). Returns the
 * error code Slack answers, or undefined when Slack would accept the message.
 */
type Json = Record<string, unknown>;

const MAX_TEXT = 40_000;
const BLOCK_TYPES = new Set(['section', 'header', 'context', 'actions', 'divider', 'image', 'rich_text', 'input']);

const isText = (value: unknown, types: string[] = ['mrkdwn', 'plain_text']): value is { type: string; text: string } =>
  typeof value === 'object' &&
  value !== null &&
  types.includes(String((value as Json).type)) &&
  typeof (value as Json).text === 'string';

const textOk = (value: unknown, max: number, types?: string[]): boolean =>
  isText(value, types) && value.text.length >= 1 && value.text.length <= max;

const idOk = (value: unknown): boolean => value === undefined || (typeof value === 'string' && value.length <= 255);

const elementOk = (element: Json): boolean => {
  if (element.type !== 'button') return typeof element.type === 'string';
  if (!textOk(element.text, 75, ['plain_text'])) return false;
  if (!idOk(element.action_id)) return false;
  if (element.value !== undefined && (typeof element.value !== 'string' || element.value.length > 2000)) return false;
  if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') return false;
  const confirm = element.confirm as Json | undefined;
  if (confirm) {
    if (!textOk(confirm.title, 100, ['plain_text']) || !textOk(confirm.text, 300)) return false;
    if (!textOk(confirm.confirm, 30, ['plain_text']) || !textOk(confirm.deny, 30, ['plain_text'])) return false;
  }
  return true;
};

const blockOk = (block: Json): boolean => {
  if (!BLOCK_TYPES.has(String(block.type)) || !idOk(block.block_id)) return false;
  switch (block.type) {
    case 'header':
      return textOk(block.text, 150, ['plain_text']);
    case 'section': {
      const fields = block.fields as unknown[] | undefined;
      if (block.text === undefined && fields === undefined) return false;
      if (block.text !== undefined && !textOk(block.text, 3000)) return false;
      if (fields !== undefined && (fields.length > 10 || !fields.every((f) => textOk(f, 2000)))) return false;
      if (block.accessory !== undefined && !elementOk(block.accessory as Json)) return false;
      return true;
    }
    case 'context': {
      const elements = block.elements as Json[] | undefined;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) return false;
      return elements.every((e) => (e.type === 'image' ? typeof e.image_url === 'string' : textOk(e, 3000)));
    }
    case 'actions': {
      const elements = block.elements as Json[] | undefined;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) return false;
      return elements.every(elementOk);
    }
    default:
      return true;
  }
};

export const blocksError = (blocks: unknown): string | undefined => {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > 50) return 'invalid_blocks';
  return blocks.every((b) => typeof b === 'object' && b !== null && blockOk(b as Json)) ? undefined : 'invalid_blocks';
};

export const metadataError = (metadata: unknown): string | undefined => {
  if (metadata === undefined) return undefined;
  const m = metadata as Json;
  if (typeof m !== 'object' || m === null) return 'invalid_metadata_format';
  if (typeof m.event_type !== 'string' || !/^[a-zA-Z0-9_]{1,255}$/.test(m.event_type)) return 'invalid_metadata_format';
  if (typeof m.event_payload !== 'object' || m.event_payload === null || Array.isArray(m.event_payload))
    return 'invalid_metadata_format';
  return JSON.stringify(m.event_payload).length > 8000 ? 'invalid_metadata_format' : undefined;
};

/** The error Slack answers to a chat.postMessage / chat.update / chat.postEphemeral body, if any. */
export const messageError = (body: Json): string | undefined => {
  const text = body.text;
  if ((text === undefined || text === '') && body.blocks === undefined) return 'no_text';
  if (typeof text === 'string' && text.length > MAX_TEXT) return 'msg_too_long';
  return blocksError(body.blocks) ?? metadataError(body.metadata);
};
