// What local servers do that OpenAI does not (issue 14), for the loopback mock: Ollama's Origin
// check and the model-list shapes of Ollama and llama.cpp. Plain ESM, no dependencies.

/**
 * Ollama's CORS check (gin-contrib/cors 1.7.2 as Ollama configures it): no Origin passes (not a
 * CORS request), an Origin equal to http(s)://<Host> passes, and otherwise only the default
 * allow-list: localhost, 127.0.0.1 and 0.0.0.0 pages on any port, and app://, file://, tauri://,
 * vscode-webview://, vscode-file://. Extension origins are not on it. `extra` is OLLAMA_ORIGINS.
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string[]} [extra]
 */
export function ollamaRefusesOrigin(headers, extra = []) {
  const origin = typeof headers.origin === 'string' ? headers.origin : '';
  if (origin === '') return false;
  if (origin === `http://${headers.host}` || origin === `https://${headers.host}`) return false;
  const allowed = [...extra];
  for (const host of ['localhost', '127.0.0.1', '0.0.0.0']) {
    allowed.push(`http://${host}`, `https://${host}`, `http://${host}:*`, `https://${host}:*`);
  }
  allowed.push('app://*', 'file://*', 'tauri://*', 'vscode-webview://*', 'vscode-file://*');
  return !allowed.some((rule) => {
    if (rule === '*') return true;
    const star = rule.indexOf('*');
    // Like gin-cors: prefix and suffix around the one `*`, matched on the raw text (a space
    // after a comma in OLLAMA_ORIGINS stays part of the pattern, so it never matches).
    if (star < 0) return rule.trim().toLowerCase() === origin;
    return origin.startsWith(rule.slice(0, star)) && origin.endsWith(rule.slice(star + 1));
  });
}

/**
 * The body of GET /v1/models in one server's shape: 'openai' (data only), 'llamacpp' (an
 * Ollama-style `models` list beside `data`), 'ollama-empty' (`data: null`, Ollama's nil slice).
 * @param {'openai' | 'llamacpp' | 'ollama-empty'} shape
 * @param {string[]} ids
 */
export function modelListBody(shape, ids) {
  const created = 1_700_000_000;
  const data = ids.map((id) => ({ id, object: 'model', created, owned_by: 'parley' }));
  if (shape === 'ollama-empty') return { object: 'list', data: null };
  if (shape === 'llamacpp') {
    return {
      models: ids.map((id) => ({
        name: id,
        model: id,
        modified_at: '',
        size: '',
        digest: '',
        type: 'model',
        description: '',
        tags: [''],
        capabilities: ['completion'],
        parameters: '',
        details: { parent_model: '', format: 'gguf', family: '', families: [''] },
      })),
      object: 'list',
      data: data.map((m) => ({ ...m, owned_by: 'llamacpp', meta: { n_ctx: 4096 } })),
    };
  }
  return { object: 'list', data };
}
