/**
 * The line as a graph (@xyflow/react): stations as nodes with an input handle on the left and
 * an output handle on the right, connections as arrows. Dragging moves a station (written to
 * the file when the drag ends); dragging between handles connects; Delete removes what is
 * selected. The graph is drawn from the draft each time: the draft is the only truth.
 */
import { applyNodeChanges, Background, type Connection, Controls, type Edge, type EdgeChange, Handle, MarkerType, type Node, type NodeChange, type NodeProps, Position, ReactFlow, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import type { Draft } from '../../editor/draft';
import { toGraph } from '../../editor/graph';
import type { Selection } from '../../editor/state';
import { textOf } from '../../scenario';
import { hasText, type TextKey, useT } from '../../i18n';

type StationData = { label: string; id: string; type: string; typeName: string; broken: boolean };

function StationNode({ data, selected }: NodeProps<Node<StationData>>) {
  return (
    <div className={`graph-station type-${data.type}${selected ? ' selected' : ''}${data.broken ? ' broken' : ''}`} data-testid="graph-station" data-station={data.id}>
      {data.type !== 'source' && <Handle type="target" position={Position.Left} />}
      <strong>{data.label}</strong>
      <small>
        {data.id} · {data.typeName}
        {data.broken ? ' ⚠' : ''}
      </small>
      {data.type !== 'sink' && <Handle type="source" position={Position.Right} />}
    </div>
  );
}

const NODE_TYPES = { station: StationNode };

interface Props {
  readonly draft: Draft;
  readonly selection: Selection;
  readonly brokenStations: ReadonlySet<number>;
  readonly onSelect: (s: Selection) => void;
  readonly onMove: (id: string, x: number, y: number) => void;
  readonly onConnect: (from: string, to: string) => void;
  readonly onDelete: (s: Selection) => void;
}

export function LineGraph({ draft, selection, brokenStations, onSelect, onMove, onConnect, onDelete }: Props) {
  const { t, lang } = useT();
  const graph = useMemo(() => toGraph(draft), [draft]);
  // `t` follows `lang` (a new function each render: as a dependency it would redraw the graph on every render, and the graph's own state update would render again, for ever).
  // biome-ignore lint/correctness/useExhaustiveDependencies: t is lang's
  const fromDraft = useMemo(
    (): Node<StationData>[] =>
      graph.nodes.map((n) => {
        const name = n.station.name;
        const label = typeof name === 'string' || (name !== null && typeof name === 'object' && !Array.isArray(name)) ? textOf(name as never, lang) : n.id;
        return {
          id: n.id,
          type: 'station',
          position: { x: n.x, y: n.y },
          data: { label, id: n.id, type: n.type, typeName: hasText(`type.${n.type}`) ? t(`type.${n.type}` as TextKey) : n.type, broken: brokenStations.has(n.index) },
          selected: selection.kind === 'station' && selection.id === n.id,
          ariaLabel: `${label} (${n.id})`,
        };
      }),
    [graph, lang, brokenStations, selection],
  );
  // Local nodes while dragging (smooth moves); the draft takes the position when the drag ends.
  const [nodes, setNodes] = useState(fromDraft);
  useEffect(() => setNodes(fromDraft), [fromDraft]);
  // A station added or removed: the view fits the line again, so a new station is in sight.
  const [flow, setFlow] = useState<ReactFlowInstance<Node<StationData>> | null>(null);
  const count = graph.nodes.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the number of stations changes, not on every move
  useEffect(() => {
    if (flow === null) return;
    const id = requestAnimationFrame(() => void flow.fitView());
    return () => cancelAnimationFrame(id);
  }, [flow, count]);
  const edges: Edge[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.from,
    target: e.to,
    selected: selection.kind === 'connection' && selection.from === e.from && selection.to === e.to,
    markerEnd: { type: MarkerType.ArrowClosed },
    ariaLabel: `${e.from} → ${e.to}`,
  }));
  return (
    <section className="line-graph" data-testid="line-graph" aria-label={t('editor.graphLabel')}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        onInit={setFlow}
        minZoom={0.2}
        deleteKeyCode={['Delete', 'Backspace']}
        onNodesChange={(changes: NodeChange<Node<StationData>>[]) => {
          setNodes((ns) => applyNodeChanges(changes, ns));
          // Selected by the user, with the mouse or from the keyboard (Tab to a station, Enter).
          const picked = changes.find((c) => c.type === 'select' && c.selected);
          if (picked !== undefined && picked.type === 'select') onSelect({ kind: 'station', id: picked.id });
        }}
        onEdgesChange={(changes: EdgeChange[]) => {
          const picked = changes.find((c) => c.type === 'select' && c.selected);
          const edge = picked?.type === 'select' ? edges.find((e) => e.id === picked.id) : undefined;
          if (edge !== undefined) onSelect({ kind: 'connection', from: edge.source, to: edge.target });
        }}
        onNodeDragStop={(_e, node) => onMove(node.id, node.position.x, node.position.y)}
        onNodeClick={(_e, node) => onSelect({ kind: 'station', id: node.id })}
        onEdgeClick={(_e, edge) => onSelect({ kind: 'connection', from: edge.source, to: edge.target })}
        onPaneClick={() => onSelect({ kind: 'scenario' })}
        onConnect={(c: Connection) => onConnect(c.source, c.target)}
        onBeforeDelete={async ({ nodes: ns, edges: es }) => {
          // The draft decides: one thing at a time, through the editor's own delete (undoable).
          const n = ns[0];
          const e = es[0];
          if (n) onDelete({ kind: 'station', id: n.id });
          else if (e) onDelete({ kind: 'connection', from: e.source, to: e.target });
          return false;
        }}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </section>
  );
}
