/**
 * The custom-header requests (issue 14): the panel saves or removes one header for the origin of
 * a base URL and learns the names saved there, never a value. Checked on both ends like the
 * other requests (rpc-request.ts, rpc-answer.ts register these).
 */
import { arrayOf, isRecord, isString, oneOf, shape, type Check } from './guards';

/** Ask which header names are saved for `baseUrl`'s origin. */
export interface GetHeaderNamesRequest {
  type: 'get_header_names';
  baseUrl: string;
}

/** Save header `name` with `value` for `baseUrl`'s origin; an empty value removes it. */
export interface SaveHeaderRequest {
  type: 'save_header';
  baseUrl: string;
  name: string;
  value: string;
}

/** The header names saved for one origin (the values stay in the background). */
export interface HeaderNamesResponse {
  type: 'header_names';
  origin: string;
  names: string[];
}

/** The header requests' entries in the RPC map. */
export interface HeaderRpcMap {
  get_header_names: { request: GetHeaderNamesRequest; response: HeaderNamesResponse };
  save_header: { request: SaveHeaderRequest; response: HeaderNamesResponse };
}

/** The header request if `value` is a well-formed one, with only its known fields, else null. */
export function parseHeaderRequest(
  value: unknown,
): GetHeaderNamesRequest | SaveHeaderRequest | null {
  if (!isRecord(value) || !isString(value.baseUrl)) return null;
  if (value.type === 'get_header_names') {
    return { type: 'get_header_names', baseUrl: value.baseUrl };
  }
  if (value.type === 'save_header' && isString(value.name) && isString(value.value)) {
    return { type: 'save_header', baseUrl: value.baseUrl, name: value.name, value: value.value };
  }
  return null;
}

/** The panel's check of a header-names answer. */
export const isHeaderNamesResponse: Check = shape({
  type: oneOf('header_names'),
  origin: isString,
  names: arrayOf(isString),
});
