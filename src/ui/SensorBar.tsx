import type { SensorView } from '../engine';
import { localNum, num, sensorDigits } from './format';
import { useT } from '../i18n';

/** ISA-101 analog indicator: the value against its normal band; colour only when outside it. */
export function SensorBar({ sensor }: { sensor: SensorView }) {
  const { t, lang } = useT();
  const [lo, hi] = sensor.normal;
  const span = hi - lo || 1;
  const min = lo - span * 0.5;
  const max = hi + span * 0.5;
  const v = sensor.value;
  const pos = v === null ? 0 : Math.min(1, Math.max(0, (v - min) / (max - min)));
  const abnormal = sensor.quality === 'bad' || (v !== null && (v < lo || v > hi));
  // Which side it left the band on: a low air pressure must not read as a high one.
  const side = v === null || sensor.quality === 'bad' ? null : v > hi ? 'above' : v < lo ? 'below' : null;
  const digits = sensorDigits(sensor.kind);
  return (
    <div className={`sensor ${abnormal ? 'abnormal' : ''}`} data-sensor={sensor.kind}>
      <span className="sensor-name">{t(`sensor.${sensor.kind}`)}</span>
      <span className="sensor-value" data-testid={`sensor-${sensor.id}`}>
        {sensor.quality === 'bad' ? `${t('faceplate.bad')} (${localNum(sensor.mA, 1, lang)} mA)` : `${num(v, digits, lang)} ${sensor.unit}`}
        {side !== null && (
          <span className="sensor-side" role="img" title={t(`sensor.${side}`)} aria-label={t(`sensor.${side}`)}>
            {side === 'above' ? ' ▲' : ' ▼'}
          </span>
        )}
      </span>
      <svg className="band" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
        <rect x="0" y="3" width="100" height="4" className="track" />
        <rect x={((lo - min) / (max - min)) * 100} y="2" width={(span / (max - min)) * 100} height="6" className="normal" />
        {v !== null && <rect x={pos * 100 - 1} y="0" width="2" height="10" className="needle" />}
      </svg>
    </div>
  );
}
