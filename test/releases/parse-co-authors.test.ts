import { describe, expect, it } from 'vitest';
import { loginForEmail, parseCoAuthors } from '../../src/releases/core/credits/parse-co-authors';

describe('parseCoAuthors', () => {
  it('maps id+login and plain login noreply addresses to logins', () => {
    const message = [
      'Update endpoint/endpoint.go',
      '',
      'Co-authored-by: Michel Loiseleur <97035654+mloiseleur@users.noreply.github.com>',
      'Co-authored-by: Eric Bailey <yurrriq@users.noreply.github.com>',
    ].join('\n');
    expect(parseCoAuthors(message)).toEqual([
      { name: 'Michel Loiseleur', email: '97035654+mloiseleur@users.noreply.github.com', login: 'mloiseleur' },
      { name: 'Eric Bailey', email: 'yurrriq@users.noreply.github.com', login: 'yurrriq' },
    ]);
  });

  it('uses the known commit-author e-mails, else keeps the name as written', () => {
    const message = 'x\n\nCo-authored-by: Steve Hipwell <steve.hipwell@gmail.com>\nCo-authored-by: Ricardo <ricardo.bartels@telekom.de>';
    const known = new Map([['steve.hipwell@gmail.com', 'stevehipwell']]);
    expect(parseCoAuthors(message, known)).toEqual([
      { name: 'Steve Hipwell', email: 'steve.hipwell@gmail.com', login: 'stevehipwell' },
      { name: 'Ricardo', email: 'ricardo.bartels@telekom.de', login: null },
    ]);
  });

  it('reads trailers repeated inside a GitHub squash message once per e-mail, whatever the case', () => {
    // the squash commit of kubernetes-sigs/external-dns#4365
    const message =
      'doc: advertise current plan on providers (#4365)\n\n* doc: advertise current plan on providers\n\n* Update README.md\n\n' +
      'Co-authored-by: Raffaele Di Fazio <raffo@github.com>\n\n* Update README.md\n\n---------\n\n' +
      'co-authored-by: Raffaele Di Fazio <RAFFO@github.com>';
    expect(parseCoAuthors(message)).toEqual([{ name: 'Raffaele Di Fazio', email: 'raffo@github.com', login: null }]);
  });

  it('does not take a trailer-like phrase in the middle of a line', () => {
    expect(parseCoAuthors('Thanks, see Co-authored-by: Eve <eve@users.noreply.github.com> above')).toEqual([]);
  });

  it('keeps the [bot] suffix of an app noreply address so the bot filter can see it', () => {
    expect(loginForEmail('49699333+dependabot[bot]@users.noreply.github.com')).toBe('dependabot[bot]');
  });
});
