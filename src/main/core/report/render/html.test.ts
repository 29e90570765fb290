import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './html';
import { HOSTILE, testDocument } from './test-document';

const render = (language: 'en' | 'fr' = 'en'): string =>
  renderReportHtml(testDocument(), { language, timeZone: 'UTC' });

describe('renderReportHtml', () => {
  it('shows a section only for checks with findings, an error or unsupported', () => {
    const html = render();
    expect(html).toContain('id="check-snapshots-old"');
    expect(html).toContain('id="check-datastores-low-free"');
    expect(html).toContain('id="check-vcenter-services"');
    expect(html).toContain('id="check-vm-cpu-usage"');
    expect(html).not.toContain('id="check-hosts-disconnected"');
    expect(html).toContain('Could not run: QueryPerf: no answer within 30 s');
    expect(html).toContain('Not supported by this server: appliance services API');
    expect(html).toContain('1 check found nothing wrong.');
  });

  it('says so when nothing is wrong, with no table of contents', () => {
    const doc = testDocument();
    const html = renderReportHtml(
      { ...doc, checks: doc.checks.filter((c) => c.status === 'ok') },
      { timeZone: 'UTC' },
    );
    expect(html).toContain('Nothing to report');
    expect(html).not.toContain('Contents');
  });

  it('writes the threshold in each title, appended when the title does not say it', () => {
    const html = render();
    expect(html).toContain('>Snapshots older than 14 days</h2>');
    expect(html).toContain('>VMs over 75 % CPU (threshold: days 1 · percent 75)</h2>');
  });

  it('colours rows by severity and marks new findings', () => {
    const html = render();
    expect(html).toMatch(
      /<tr style="background:#fde8e8;"><td [^>]*border-left:4px solid #c92a2a;[^>]*>Critical <span[^>]*>new<\/span><\/td>/,
    );
    expect(html).toMatch(
      /<tr style="background:#fff5d6;"><td [^>]*border-left:4px solid #d99a00;[^>]*>Warning<\/td>/,
    );
    expect(html).toContain('2 findings (1 critical, 1 warning)');
  });

  it('escapes hostile strings from vCenter and keeps non-Latin text', () => {
    const html = render();
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;vm&quot; &#39;q&#39; été 日本語 العربية',
    );
    expect(html).not.toContain(HOSTILE);
    const hostileProfile = renderReportHtml(testDocument({ profile: '<script>x</script>' }), {
      timeZone: 'UTC',
    });
    expect(hostileProfile).not.toContain('<script>');
  });

  it('is self-contained mail HTML: no script, no <style>, no external resource', () => {
    const html = render();
    expect(html).not.toMatch(/<script|<style|<link|src="http|url\(/i);
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('has a table of contents linking each shown section and a per-check timing footer', () => {
    const html = render();
    expect(html).toContain('<a href="#check-snapshots-old"');
    expect(html).not.toContain('<a href="#check-hosts-disconnected"');
    expect(html).toContain('Time taken per check');
    expect(html).toMatch(/Hosts not connected<\/td><td [^>]*>ok<\/td><td [^>]*>12 ms<\/td>/);
  });

  it('formats numbers and dates in the reader locale, in English and French', () => {
    const en = render('en');
    expect(en).toContain('1,234.5');
    expect(en).toContain('3 Dec 2026, 06:00');
    const fr = render('fr');
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Rapport quotidien vCenter');
    expect(fr).toContain('1\u202f234,5');
    expect(fr).toContain('3 déc. 2026, 06:00');
    expect(fr).toContain("N'a pas pu s'exécuter".replace("'", '&#39;').replace("'", '&#39;'));
    expect(fr).toContain('Critique');
  });

  it('uses the registry titles and column labels in French, with thresholds filled in', () => {
    const html = renderReportHtml(testDocument(), {
      language: 'fr',
      timeZone: 'UTC',
      checks: [
        {
          id: 'snapshots-old',
          title: { en: 'Snapshots older than {days} days', fr: 'Snapshots de plus de {days} jours' },
          columnLabels: { vm: { en: 'VM', fr: 'VM' }, daysOld: { en: 'Age (days)', fr: 'Âge (jours)' } },
        },
      ],
    });
    expect(html).toContain('>Snapshots de plus de 14 jours</h2>');
    expect(html).toContain('>Âge (jours)</th>');
  });

  it('shows a vCenter column and a total line for several vCenters, and a vCenter that could not be read', () => {
    const doc = testDocument();
    const second = {
      name: 'vc2.<b>lab</b>',
      version: '',
      build: '',
      summary: doc.summary,
      error: 'cannot connect: ECONNREFUSED',
    };
    const html = renderReportHtml({ ...doc, vcenters: [...doc.vcenters, second] }, { timeZone: 'UTC' });
    expect(html).toContain('>Total</td>');
    expect(html).toContain('vc2.&lt;b&gt;lab&lt;/b&gt;');
    expect(html).toContain('Not read: cannot connect: ECONNREFUSED');
    expect(html).toContain(
      '<th style="padding:4px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top;text-align:left;background:#f0f2f5;font-weight:600;white-space:nowrap;">vCenter</th>',
    );
  });
});
