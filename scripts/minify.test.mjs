// The CSS minifier of the release build (scripts/minify.mjs): it drops comments and white
// space, never a rule, a string or a combinator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { minifyCss } from './minify.mjs';

test('white space goes where it means nothing, and stays where it is a combinator or an operator', () => {
  const css = `/* a comment */
[aria-busy="true"] :is(table, figure) { opacity: 0.55; }
.a > .b ,  .c  .d { width: calc(100% - 2rem + 1px); color: red !important; }
@media (max-width: 40em) and (prefers-reduced-motion: reduce) {
  .e::after { content: "  two  spaces /* not a comment */ "; }
}
`;
  assert.equal(
    minifyCss(css),
    '[aria-busy="true"] :is(table,figure){opacity:0.55}.a>.b,.c .d{width:calc(100% - 2rem + 1px);color:red!important}'
      + '@media (max-width:40em) and (prefers-reduced-motion:reduce){.e::after{content:"  two  spaces /* not a comment */ "}}',
  );
});

test('strings with escaped quotes are kept whole; an unclosed comment or string is an error', () => {
  assert.equal(minifyCss(`a::before { content: 'it\\'s  here'; }`), `a::before{content:'it\\'s  here'}`);
  assert.throws(() => minifyCss('a { color: red; /* open'), /unclosed comment/);
  assert.throws(() => minifyCss('a::before { content: "open; }'), /unclosed string/);
});

test("the repository's style sheets keep every block, string and !important", () => {
  for (const f of ['styles/base.css', 'styles/app.css', 'styles/workbench.css']) {
    const css = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const min = minifyCss(css);
    const count = (s, re) => (s.match(re) || []).length;
    for (const re of [/\{/g, /\}/g, /"[^"]*"/g, /!important/g, /:is\(|:where\(|:has\(|:not\(/g]) {
      assert.equal(count(min, re), count(css, re), `${f}: ${re}`);
    }
    assert.ok(min.length < css.length * 0.9, `${f} is smaller`);
  }
});
