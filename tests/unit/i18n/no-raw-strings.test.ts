/**
 * Every UI string goes through t() (issue 16): no JSX text and no user-facing attribute in
 * components/ or entrypoints/ is an English literal. Parsed with TypeScript, so text in comments,
 * class names and test ids does not count; punctuation and symbols alone (·, /, …) are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const USER_FACING = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
]);
const WORDS = /\p{L}{2,}/u;
// Attributes that name things for the console, not for the user: <ErrorBoundary label> logs it.
const NOT_SHOWN = new Set(['ErrorBoundary.label']);

/** The words a literal shows: a template's own text, not what its ${} parts compute. */
function literalText(node: ts.Node, source: ts.SourceFile): string {
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return node.getText(source);
}

/** Text inside <code> or <kbd> is a command or a key the user types, the same in every language. */
function inCode(node: ts.Node): boolean {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isJsxElement(at)) {
      const tag = at.openingElement.tagName.getText();
      if (tag === 'code' || tag === 'kbd') return true;
    }
  }
  return false;
}

const files = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : files(rel);
    return entry.name.endsWith('.tsx') ? [rel] : [];
  });

/** The string literal is what a JSX child or a user-facing attribute shows, maybe via ?:, ||, ??. */
function shownByJsx(node: ts.Node, source: ts.SourceFile): boolean {
  let at = node.parent;
  while (
    ts.isConditionalExpression(at) ||
    ts.isParenthesizedExpression(at) ||
    (ts.isBinaryExpression(at) &&
      [
        ts.SyntaxKind.BarBarToken,
        ts.SyntaxKind.QuestionQuestionToken,
        ts.SyntaxKind.AmpersandAmpersandToken,
      ].includes(at.operatorToken.kind))
  ) {
    if (ts.isConditionalExpression(at) && at.condition === node) return false;
    node = at;
    at = at.parent;
  }
  if (!ts.isJsxExpression(at)) return false;
  const owner = at.parent;
  if (ts.isJsxAttribute(owner)) return USER_FACING.has(owner.name.getText(source));
  return ts.isJsxElement(owner) || ts.isJsxFragment(owner);
}

function rawStrings(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, shown: string) =>
    found.push(
      `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${shown.trim()}`,
    );
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text) && !inCode(node)) report(node, node.text);
    if (
      ts.isJsxAttribute(node) &&
      USER_FACING.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      WORDS.test(node.initializer.text) &&
      !NOT_SHOWN.has(
        `${(node.parent.parent as ts.JsxOpeningLikeElement).tagName.getText()}.${node.name.getText(source)}`,
      )
    )
      report(node, node.getText(source));
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateExpression(node)) &&
      WORDS.test(literalText(node, source)) &&
      shownByJsx(node, source)
    )
      report(node, node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI strings', () => {
  const all = [...files('components'), ...files('entrypoints')];
  it('finds the UI files', () => expect(all.length).toBeGreaterThan(40));
  it.each(all)('%s has no untranslated literal', (file) => {
    expect(rawStrings(file)).toEqual([]);
  });
});
