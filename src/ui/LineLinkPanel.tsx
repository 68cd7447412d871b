/**
 * *Connect the line*: the switch that publishes the open run to the gateway (off by default),
 * the broker's address (remembered), and how the connection stands, in words.
 */
import { useState } from 'react';
import { useT } from '../i18n';
import { lineLinkSettings, lineLinkStatus, saveLineLink } from './line-link-state';

export function LineLinkPanel() {
  const { t } = useT();
  const settings = lineLinkSettings.use();
  const status = lineLinkStatus.use();
  const words = (() => {
    switch (status.kind) {
      case 'off':
        return t('link.off');
      case 'idle':
        return t('link.idle');
      case 'connecting':
        return t('link.connecting', { url: status.url });
      case 'connected':
        return t(status.readOnly ? 'link.connectedReplay' : 'link.connected', { url: status.url, root: status.root });
      case 'taken':
        return t('link.taken', { root: status.root });
      case 'problem':
        return t(`link.${status.problem}`);
    }
  })();
  return (
    <section className="line-link-panel" data-testid="line-link" aria-labelledby="line-link-heading">
      <h3 id="line-link-heading">{t('link.heading')}</h3>
      <details>
        <summary>OPC UA · MQTT</summary>
        <p className="muted">{t('link.intro')}</p>
      </details>
      <label className="toggle">
        <input type="checkbox" checked={settings.on} onChange={(e) => saveLineLink({ ...settings, on: e.target.checked })} data-testid="line-link-switch" /> {t('link.switch')}
      </label>
      <label className="toggle">
        <input type="checkbox" checked={settings.sparkplug} onChange={(e) => saveLineLink({ ...settings, sparkplug: e.target.checked })} data-testid="line-link-sparkplug" /> {t('link.sparkplug')}
      </label>
      <SettingForm label={t('link.address')} button={t('link.save')} saved={settings.url} onSave={(url) => saveLineLink({ ...settings, url })} testId="line-link-url" />
      <SettingForm label={t('link.lineName')} button={t('link.useName')} placeholder={t('link.lineNamePlaceholder')} saved={settings.line} onSave={(line) => saveLineLink({ ...settings, line })} testId="line-link-line" />
      <p className={status.kind === 'problem' || status.kind === 'taken' ? 'refusal' : 'muted'} role="status" data-testid="line-link-status">
        {words}
      </p>
      {status.kind === 'connected' && status.opcua !== null && (
        <p className="muted" data-testid="line-link-opcua">
          {t('link.opcua', { endpoint: status.opcua, line: status.root.split('/').pop() ?? '' })}
        </p>
      )}
    </section>
  );
}

/** One setting typed in and taken with its button (trimmed; the button waits for a change). */
function SettingForm(p: { label: string; button: string; placeholder?: string; saved: string; onSave: (value: string) => void; testId: string }) {
  const [value, setValue] = useState(p.saved);
  return (
    <form
      className="line-link-address"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSave(value.trim());
      }}
    >
      <label>
        {p.label} <input type="text" value={value} placeholder={p.placeholder} onChange={(e) => setValue(e.target.value)} spellCheck={false} data-testid={p.testId} />
      </label>
      <button type="submit" disabled={value.trim() === p.saved}>
        {p.button}
      </button>
    </form>
  );
}
