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
  const [url, setUrl] = useState(settings.url);
  const [line, setLine] = useState(settings.line);
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
      <form
        className="line-link-address"
        onSubmit={(e) => {
          e.preventDefault();
          saveLineLink({ ...settings, url: url.trim() });
        }}
      >
        <label>
          {t('link.address')} <input type="text" value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} data-testid="line-link-url" />
        </label>
        <button type="submit" disabled={url.trim() === settings.url}>
          {t('link.save')}
        </button>
      </form>
      <form
        className="line-link-address"
        onSubmit={(e) => {
          e.preventDefault();
          saveLineLink({ ...settings, line: line.trim() });
        }}
      >
        <label>
          {t('link.lineName')}{' '}
          <input type="text" value={line} placeholder={t('link.lineNamePlaceholder')} onChange={(e) => setLine(e.target.value)} spellCheck={false} data-testid="line-link-line" />
        </label>
        <button type="submit" disabled={line.trim() === settings.line}>
          {t('link.useName')}
        </button>
      </form>
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
