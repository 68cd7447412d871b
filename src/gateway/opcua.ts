/**
 * The OPC UA server: each published line as an object with, per station, the PackML (OPC 30050)
 * groups Status, Admin and Command, and its instruments as AnalogItems with engineering units
 * and EU range. Values carry the status a real system gives them (a dead 4–20 mA signal is
 * Bad_SensorFailure; a line whose browser went away keeps its last values as
 * Uncertain_NoCommunicationLastUsableValue) and the simulated moment as source timestamp.
 * The PackML commands are Methods: a call goes to the browser as a recorded command
 * (`via: "opcua"`) and returns its verdict; a refusal is a Bad status with the reason in words.
 *
 * Security mode None, anonymous: for a classroom network. A plant would use Sign&Encrypt with
 * certificates it trusts, user accounts with roles, and the Command methods only for those
 * allowed to run the line.
 */
import {
  DataType,
  makeEUInformation,
  MessageSecurityMode,
  type ISessionContext,
  type Namespace,
  OPCUACertificateManager,
  OPCUAServer,
  SecurityPolicy,
  type StatusCode,
  StatusCodes,
  standardUnits,
  type UAObject,
  type UAVariable,
  Variant,
} from 'node-opcua';
import { ACK_ALARM, PACK_METHOD_NAMES, type Quality, type Tag } from '../session/line-link/namespace';
import type { Line, Lines } from './lines';

export interface OpcUaOptions {
  readonly host: string;
  readonly port: number;
  /** Where the server keeps its self-signed certificate. */
  readonly pkiDir: string;
}

export interface OpcUa {
  readonly endpoint: string;
  /** Build or rebuild a line's nodes from its description. */
  described(line: Line): void;
  value(line: Line, topic: string, tag: Tag): void;
  status(line: Line): void;
  close(): Promise<void>;
}

const QUALITY: Record<Quality, StatusCode> = {
  Good: StatusCodes.Good,
  Bad_SensorFailure: StatusCodes.BadSensorFailure,
  Uncertain_LastUsableValue: StatusCodes.UncertainLastUsableValue,
};

const UNITS: Record<string, ReturnType<typeof makeEUInformation>> = {
  '°C': standardUnits.degree_celsius,
  A: standardUnits.ampere,
  bar: standardUnits.bar,
  mm: standardUnits.millimetre,
  s: standardUnits.second,
  'mm/s': makeEUInformation('mm/s', 'mm/s', 'millimetre per second'),
};
const unitOf = (u: string) => UNITS[u] ?? makeEUInformation(u, u, u);

/** The data type of each tag below a station (instruments are Double, alarms String). */
const TAG_TYPES: Record<string, DataType> = {
  'Status/StateCurrent': DataType.Int32,
  'Status/UnitModeCurrent': DataType.Int32,
  'Status/MachSpeed': DataType.Double,
  'Status/CurMachSpeed': DataType.Double,
  'Status/Blocked': DataType.Boolean,
  'Status/Starved': DataType.Boolean,
  'Admin/ProdProcessedCount': DataType.Int32,
  'Admin/ProdDefectiveCount': DataType.Int32,
  'Admin/StopReason/ID': DataType.Int32,
  'Admin/StopReason/Value': DataType.String,
};

interface Bound {
  readonly variable: UAVariable;
  readonly dataType: DataType;
}

export async function startOpcUa(o: OpcUaOptions, lines: () => Lines): Promise<OpcUa> {
  const serverCertificateManager = new OPCUACertificateManager({ automaticallyAcceptUnknownCertificate: true, rootFolder: o.pkiDir });
  const server = new OPCUAServer({
    host: o.host,
    port: o.port,
    hostname: o.host,
    securityModes: [MessageSecurityMode.None],
    securityPolicies: [SecurityPolicy.None],
    allowAnonymous: true,
    serverCertificateManager,
    buildInfo: { productName: 'Learning Factory gateway', manufacturerName: 'Learning Factory' },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace!;
  const ns: Namespace = addressSpace.getOwnNamespace();
  const objects = addressSpace.rootFolder.objects;
  /** Per line root: its object and its variables by topic below the root. */
  const built = new Map<string, { readonly object: UAObject; readonly vars: Map<string, Bound> }>();

  const setValue = (b: Bound, tag: Tag, status?: StatusCode) => {
    const variant = tag.value === null ? new Variant({ dataType: DataType.Null }) : new Variant({ dataType: b.dataType, value: tag.value });
    b.variable.setValueFromSource(variant, status ?? QUALITY[tag.quality], new Date(tag.timestamp));
  };

  const build = (line: Line) => {
    const d = line.description;
    const old = built.get(d.root);
    if (old !== undefined) addressSpace.deleteNode(old.object);
    const root = d.root;
    const lineObj = ns.addObject({ organizedBy: objects, browseName: root.split('/').pop()!, displayName: `${d.title} (${root})`, nodeId: `s=${root}` });
    const vars = new Map<string, Bound>();
    const variable = (parent: UAObject, topic: string, browseName: string, dataType: DataType) => {
      const v = ns.addVariable({ componentOf: parent, browseName, nodeId: `s=${root}/${topic}`, dataType, minimumSamplingInterval: 100 });
      v.setValueFromSource(new Variant({ dataType: DataType.Null }), StatusCodes.BadWaitingForInitialData);
      vars.set(topic, { variable: v, dataType });
    };
    const folder = (parent: UAObject, topic: string, browseName: string) => ns.addObject({ componentOf: parent, browseName, nodeId: `s=${root}/${topic}` });
    variable(lineObj, 'Line/EStop', 'EStop', DataType.Boolean);
    variable(lineObj, 'Line/ShiftStart', 'ShiftStart', DataType.String);
    for (const st of d.stations) {
      const stObj = ns.addObject({ componentOf: lineObj, browseName: st.id, displayName: `${st.name} (${st.id})`, nodeId: `s=${root}/${st.id}` });
      const status = folder(stObj, `${st.id}/Status`, 'Status');
      const admin = folder(stObj, `${st.id}/Admin`, 'Admin');
      const stopReason = folder(admin, `${st.id}/Admin/StopReason`, 'StopReason');
      const alarms = folder(admin, `${st.id}/Admin/Alarm`, 'Alarm');
      for (const [tag, type] of Object.entries(TAG_TYPES)) {
        const [group, ...rest] = tag.split('/');
        const parent = rest.length === 2 ? stopReason : group === 'Status' ? status : admin;
        variable(parent, `${st.id}/${tag}`, rest[rest.length - 1]!, type);
      }
      if (st.designSpeed !== null) variable(status, `${st.id}/Status/MachDesignSpeed`, 'MachDesignSpeed', DataType.Double);
      for (const a of st.alarms) variable(alarms, `${st.id}/Admin/Alarm/${a.id}`, a.id, DataType.String);
      if (st.instruments.length > 0) {
        const instruments = folder(stObj, `${st.id}/Instruments`, 'Instruments');
        for (const ins of st.instruments) {
          const topic = `${st.id}/Instruments/${ins.kind}`;
          const v = ns.addAnalogDataItem({
            componentOf: instruments,
            browseName: ins.kind,
            nodeId: `s=${root}/${topic}`,
            dataType: 'Double',
            engineeringUnitsRange: { low: ins.range[0], high: ins.range[1] },
            engineeringUnits: unitOf(ins.unit),
            minimumSamplingInterval: 100,
          });
          v.setValueFromSource(new Variant({ dataType: DataType.Null }), StatusCodes.BadWaitingForInitialData);
          vars.set(topic, { variable: v as unknown as UAVariable, dataType: DataType.Double });
        }
      }
      if (st.controls) {
        const command = folder(stObj, `${st.id}/Command`, 'Command');
        const methods = [...PACK_METHOD_NAMES, ACK_ALARM];
        for (const name of methods) {
          const ack = name === ACK_ALARM;
          const m = ns.addMethod(command, {
            browseName: name,
            nodeId: `s=${root}/${st.id}/Command/${name}`,
            inputArguments: ack ? [{ name: 'Alarm', dataType: DataType.String, description: 'The id of one of the station’s alarms' }] : [],
            outputArguments: [{ name: 'Result', dataType: DataType.String, description: 'Accepted, or why the line refused the command' }],
          });
          m.bindMethod(async (args: Variant[], _context: ISessionContext) => {
            const alarm = ack ? String(args[0]?.value ?? '') : undefined;
            const v = await lines().command(root, st.id, name, alarm === undefined ? {} : { alarm });
            return {
              statusCode: v.accepted ? StatusCodes.Good : StatusCodes.BadInvalidState,
              outputArguments: [new Variant({ dataType: DataType.String, value: v.accepted ? 'Accepted' : v.reason })],
            };
          });
        }
      }
    }
    built.set(root, { object: lineObj, vars });
    for (const [topic, tag] of line.values) {
      const b = vars.get(topic);
      if (b !== undefined) setValue(b, tag);
    }
  };

  await server.start();
  const endpoint = server.getEndpointUrl();
  return {
    endpoint,
    described: build,
    value(line, topic, tag) {
      const b = built.get(line.description.root)?.vars.get(topic);
      if (b !== undefined) setValue(b, tag, line.online ? undefined : StatusCodes.UncertainNoCommunicationLastUsableValue);
    },
    status(line) {
      const b = built.get(line.description.root);
      if (b === undefined) return;
      for (const [topic, bound] of b.vars) {
        const tag = line.values.get(topic);
        if (tag !== undefined) setValue(bound, tag, line.online ? undefined : StatusCodes.UncertainNoCommunicationLastUsableValue);
      }
    },
    async close() {
      await server.shutdown(0);
    },
  };
}
