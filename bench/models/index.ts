import type { Model } from '../../src/index.js';
import s1 from './s1.js';
import s2 from './s2.js';
import s3 from './s3.js';
import s4 from './s4.js';

/** What SPIN 6.5.2 measured on the same model (peers/spin), clocks tracked unless said. */
export interface PeerFigures {
  readonly states: number;
  readonly transitions: number;
  readonly statesNoClocks: number;
  readonly transitionsNoClocks: number;
  /** Median wall-clock seconds with clocks; SPIN printed "< 0.01 s" for S1, stored as 0.01. */
  readonly seconds: number;
  /** Median wall-clock seconds without clocks; "< 0.01 s" is stored as 0.01. */
  readonly secondsNoClocks: number;
  readonly peakMemoryMB: number;
}

/** A benchmark model with the figures it is compared with. */
export interface BenchModel {
  readonly id: 'S1' | 'S2' | 'S3' | 'S4';
  readonly model: Model;
  readonly peer: PeerFigures;
}

/** The four benchmark models, smallest first, with SPIN's figures for each. */
export const BENCH_MODELS: readonly BenchModel[] = [
  {
    id: 'S1',
    model: s1,
    peer: {
      states: 43,
      transitions: 66,
      statesNoClocks: 33,
      transitionsNoClocks: 55,
      seconds: 0.01,
      secondsNoClocks: 0.01,
      peakMemoryMB: 4,
    },
  },
  {
    id: 'S2',
    model: s2,
    peer: {
      states: 6_337,
      transitions: 12_424,
      statesNoClocks: 1_496,
      transitionsNoClocks: 3_742,
      seconds: 0.01,
      secondsNoClocks: 0.01,
      peakMemoryMB: 11,
    },
  },
  {
    id: 'S3',
    model: s3,
    peer: {
      states: 8_223,
      transitions: 16_480,
      statesNoClocks: 801,
      transitionsNoClocks: 2_239,
      seconds: 0.01,
      secondsNoClocks: 0.01,
      peakMemoryMB: 11,
    },
  },
  {
    id: 'S4',
    model: s4,
    peer: {
      states: 9_187_113,
      transitions: 22_742_804,
      statesNoClocks: 71_240,
      transitionsNoClocks: 276_826,
      seconds: 14.8,
      secondsNoClocks: 0.09,
      peakMemoryMB: 1_900,
    },
  },
];
