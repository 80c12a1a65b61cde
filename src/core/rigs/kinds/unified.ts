// One unified-memory machine, or 2-4 identical ones over their documented interconnect, each holding the
// share of memory its platform class allows (usable-memory.ts).
import { type Candidate, candidate, devicesFor, fp8Of } from '../candidate';
import type { PricedCatalog } from '../catalog';
import {
  CLUSTER_HOP_SECONDS,
  DEFAULT_UNIFIED_MEMORY_LIMIT,
  MAX_CLUSTER_NODES,
  UNIFIED_MOE_CHECK_NOTE,
} from '../constants';
import { verdictFor } from '../engine-support';
import {
  computeOf,
  computeSeconds,
  prefillTokensPerSecond,
  type StepBytes,
  streamSeconds,
  tokensPerSecond,
  UNIFIED_SPEED,
} from '../speed';
import type { RigRequest } from '../types';
import { unifiedPlatformClass, usableUnified } from '../usable-memory';

export function unifiedCandidates(
  cat: PricedCatalog,
  request: RigRequest,
  step: StepBytes,
  out: Candidate[],
): void {
  const need = request.acceleratorBytes;
  const bytes = step.nonExpertBytes + step.expertBytes;
  const limit = request.constraints.unifiedMemoryLimit ?? DEFAULT_UNIFIED_MEMORY_LIMIT;
  for (const machine of cat.unified) {
    const usable = usableUnified(machine.item, limit);
    const per = usable.bytes;
    const nodes = devicesFor(need, per);
    const cluster = machine.item.cluster;
    const maxNodes = cluster ? Math.min(cluster.maxNodes, MAX_CLUSTER_NODES) : 1;
    if (nodes > maxNodes) continue;
    const verdict = verdictFor(request, machine.item);
    const bw = machine.item.bandwidthGBps as number;
    const compute = computeOf(machine.item, false);
    const memSeconds = streamSeconds(bytes, bw, UNIFIED_SPEED);
    const hops = (nodes - 1) * CLUSTER_HOP_SECONDS;
    const stepSeconds =
      Math.max(memSeconds, computeSeconds(request, step.batch, compute)) + UNIFIED_SPEED.fixedSeconds + hops;
    const notes: string[] = [usable.rule];
    if (compute.defaulted) {
      notes.push(
        `${machine.item.name}: TFLOPS not in the dataset; a conservative ${compute.tflops} TFLOPS bounds compute.`,
      );
    }
    if (request.offloadableBytesPerToken > 0 && unifiedPlatformClass(machine.item) === 'apple') {
      notes.push(UNIFIED_MOE_CHECK_NOTE);
    }
    if (nodes > 1 && cluster) {
      notes.push(
        `${nodes} nodes over ${cluster.interconnect} (${cluster.linkGBps} GB/s links), layers split across nodes: one node's speed plus ${CLUSTER_HOP_SECONDS * 1e6} µs per hop.`,
      );
    }
    if (verdict.runs && verdict.note) notes.push(`${machine.item.name}: ${verdict.note}.`);
    out.push(
      candidate(
        {
          id: nodes > 1 ? `unified-cluster:${machine.item.id}:x${nodes}` : `unified:${machine.item.id}`,
          kind: nodes > 1 ? 'unified-cluster' : 'unified',
          label: nodes > 1 ? `${nodes} × ${machine.item.name} cluster` : machine.item.name,
          parts: [{ priced: machine, role: 'machine', quantity: nodes }],
          usableBytes: nodes * per,
          bandwidthGBps: bw,
          decodeTokensPerSecond: tokensPerSecond(step.batch, stepSeconds),
          prefillTokensPerSecond: prefillTokensPerSecond(request, compute),
          powerW: nodes * (machine.item.powerW ?? 0),
          fp8: fp8Of(machine.item),
          notes,
          ...(verdict.runs ? {} : { engineBlock: `${machine.item.name}: ${verdict.reason}` }),
        },
        request,
      ),
    );
  }
}
