// Part of the real-world matching set (see ../real-world-cases.ts for the format and the rules).
import type { RealWorldCases } from '../real-world-cases.ts';

export const CASES: RealWorldCases = { films: [], releases: [], truth: [] };
