/**
 * `npm run gateway`: the MQTT broker and the OPC UA server on this machine, with nothing else
 * to install. GATEWAY_HOST (127.0.0.1 by default; 0.0.0.0 for the school's network), MQTT_PORT,
 * MQTT_WS_PORT and OPCUA_PORT change where they listen.
 */
import { startGateway } from './gateway';
import { addressesText, gatewayOptions, OptionError, startProblem } from './options';

try {
  const g = await startGateway(gatewayOptions(process.env.GATEWAY_HOST || '127.0.0.1'));
  process.stdout.write(`Learning Factory gateway\n${addressesText(g)}Stop with Ctrl+C.\n`);
  const stop = () => {
    void g.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`${startProblem(e)}\n`);
  process.exit(e instanceof OptionError ? 2 : 1);
}
