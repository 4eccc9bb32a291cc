import { confineCql, tokenizeCql } from '../../src/core/cql';

describe('confineCql', () => {
  it('puts the client’s clause, verbatim, behind the token’s spaces and pages', () => {
    expect(confineCql('title ~ "a (b)" OR label = x ORDER BY title desc', ['DOCS', 'ENG'])).toBe(
      'space in ("DOCS","ENG") AND type = page AND (title ~ "a (b)" OR label = x) ORDER BY title desc',
    );
    expect(confineCql('order by created', ['DOCS'])).toBe('space in ("DOCS") AND type = page ORDER BY created');
  });

  it.each([
    ['a ) b (', 'closing'],
    ['(a = b', 'not closed'],
    ['a = "b', 'not closed'],
    ['a = b ORDER BY', 'names no field'],
    ['a = b ORDER BY title,', 'ends with a comma'],
    ['a = b ORDER BY title = x', 'field names'],
    ['a = b & c', 'not CQL'],
  ])('refuses %s', (cql, why) => {
    expect(() => confineCql(cql, ['DOCS'])).toThrow(expect.objectContaining({ code: 'INVALID_CQL', message: expect.stringContaining(why) }));
  });

  it('refuses to search when the token reaches no space', () => {
    expect(() => confineCql('a = b', [])).toThrow(expect.objectContaining({ code: 'SPACE_NOT_GRANTED' }));
  });

  it('keeps escaped quotes inside one string token', () => {
    expect(tokenizeCql('title = "a\\" OR x"').map((token) => token.kind)).toEqual(['word', 'operator', 'string']);
  });
});
