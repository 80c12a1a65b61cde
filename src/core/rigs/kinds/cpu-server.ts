// A CPU platform filled with DIMMs (or sold with them), no GPU: llama.cpp on the CPU.
import { type Candidate, candidate } from '../candidate';
import type { PricedCatalog } from '../catalog';
import { dimmNote, platformFills } from '../dimm-fill';
import { verdictFor } from '../engine-support';
import {
  CPU_SPEED,
  computeOf,
  computeSeconds,
  prefillTokensPerSecond,
  type StepBytes,
  streamSeconds,
  tokensPerSecond,
} from '../speed';
import type { RigRequest } from '../types';

export function cpuServerCandidates(
  cat: PricedCatalog,
  request: RigRequest,
  step: StepBytes,
  out: Candidate[],
): void {
  const bytes = step.nonExpertBytes + step.expertBytes;
  for (const platform of cat.platforms) {
    const compute = computeOf(platform.item, true);
    const verdict = verdictFor(request, platform.item);
    const fills = platformFills(platform.item, platform.included, cat.modules, request.acceleratorBytes);
    for (const fill of fills) {
      const memSeconds = streamSeconds(bytes, fill.bandwidthGBps, CPU_SPEED);
      const stepSeconds =
        Math.max(memSeconds, computeSeconds(request, step.batch, compute)) + CPU_SPEED.fixedSeconds;
      const notes = [dimmNote(platform.item, fill), 'DIMM power not counted.'];
      if (compute.defaulted) {
        notes.push(
          `${platform.item.name}: TFLOPS not in the dataset; a conservative ${compute.tflops} TFLOPS bounds compute.`,
        );
      }
      if (verdict.runs && verdict.note) notes.push(verdict.note);
      const sizeGiB = fill.moduleItem.memory?.sizeGiB;
      out.push(
        candidate(
          {
            id: `cpu-server:${platform.item.id}:${fill.moduleItem.id}:x${fill.count}`,
            kind: 'cpu-server',
            label: `${platform.item.name} with ${fill.count} × ${sizeGiB} GiB`,
            parts: [
              { priced: platform, role: 'cpu-platform', quantity: 1 },
              ...(fill.module
                ? [{ priced: fill.module, role: 'memory-module' as const, quantity: fill.count }]
                : []),
            ],
            usableBytes: fill.usableBytes,
            bandwidthGBps: fill.bandwidthGBps,
            decodeTokensPerSecond: tokensPerSecond(step.batch, stepSeconds),
            prefillTokensPerSecond: prefillTokensPerSecond(request, compute),
            powerW: platform.item.powerW ?? 0,
            fp8: platform.item.fp8?.native ?? 'no',
            notes,
            ...(verdict.runs ? {} : { engineBlock: `${platform.item.name}: ${verdict.reason}` }),
          },
          request,
        ),
      );
    }
  }
}
