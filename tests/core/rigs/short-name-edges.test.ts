// Short part names at the edges of their patterns: a vendor word in the middle of a name is not a prefix,
// a suffix in the middle is not a suffix, optional parts present and absent, runs of spaces.
import { describe, expect, it } from 'vitest';
import { shortComponentName } from '../../../src/core/rigs/short-name';
import type { RigComponent } from '../../../src/core/rigs/types';

const short = (role: RigComponent['role'], name: string) => shortComponentName({ role, name });

describe('GPU names', () => {
  it.each([
    ['NVIDIA GeForce RTX 3090', 'RTX 3090'],
    ['NVIDIA Tesla P100 PCIe 16GB', 'Tesla P100 16GB'],
    ['PNY NVIDIA RTX A6000', 'PNY NVIDIA RTX A6000'],
    ['AMD Radeon RX 7900 XTX', 'RX 7900 XTX'],
    ['AMD Instinct MI50 32GB', 'Instinct MI50 32GB'],
    ['Sapphire AMD Radeon RX 580', 'Sapphire AMD Radeon RX 580'],
    ['Intel Arc B580', 'Arc B580'],
    ['Acer Intel Arc A770', 'Acer Intel Arc A770'],
    ['NVIDIA RTX PRO 6000 Blackwell Workstation Edition', 'RTX PRO 6000 Blackwell'],
    ['NVIDIA RTX A6000 Workstation Edition card', 'RTX A6000 Workstation Edition card'],
    ['NVIDIA  Tesla   V100 ', 'Tesla V100'],
  ])('%s -> %s', (name, expected) => expect(short('gpu', name)).toBe(expected));
});

describe('host names', () => {
  it.each([
    ['4-GPU host: ASRock Rack ROMED8-2T, EPYC 7252, 32 GB DDR4 ECC, 1600 W', 'ASRock Rack ROMED8-2T host'],
    ['10-12 GPU host: Open frame, risers', 'Open frame host'],
    ['used host: Dell T7910, 2x E5-2680', 'Dell T7910 host'],
    ['1-GPU budget host (Dec 2024): Ryzen 5 5500, MSI PRO B550M-VC WIFI', 'budget host'],
    ['2-GPU desktop host (Apr 2024, Micro Center): Ryzen 9 7900X', 'desktop host'],
    ['hosted rig: Foo, Bar', 'hosted rig'],
    ['host:', 'host'],
    ['6-GPU host', 'host'],
  ])('%s -> %s', (name, expected) => expect(short('gpu-host', name)).toBe(expected));
});

describe('GPU systems', () => {
  it.each([
    ['NVIDIA DGX A100 (8x A100 SXM4 40GB, 320 GB)', 'DGX A100 (320 GB)'],
    ['NVIDIA DGX H100 (640 GB)', 'DGX H100 (640 GB)'],
    ['NVIDIA DGX B200 (8x B200 180GB, 1,440 GB)', 'DGX B200 (1,440 GB)'],
    ['Box (8x H100,  640 GB)', 'Box (640 GB)'],
    ['Supermicro AS-4124GO-NART with 8x A100 SXM4 80GB (HGX A100, used)', 'Supermicro AS-4124GO-NART'],
    ['Lambda NVIDIA Hyperplane (8x H100, 640 GB)', 'Lambda NVIDIA Hyperplane (640 GB)'],
    ['Thinkmate HGX H100 8-GPU server (configured quote)', 'Thinkmate HGX H100 8-GPU server'],
  ])('%s -> %s', (name, expected) => expect(short('gpu-system', name)).toBe(expected));
});

describe('unified machines', () => {
  it.each([
    ['Apple Mac Studio (M3 Ultra 32-core CPU/80-core GPU, 512 GB)', 'Mac Studio (M3 Ultra, 512 GB)'],
    ['Apple Mac mini (M4 Pro 14-core CPU, 20-core GPU, 64 GB)', 'Mac mini (M4 Pro, 64 GB)'],
    ['NVIDIA DGX Spark Founders Edition (GB10, 128 GB, 4 TB)', 'DGX Spark Founders Edition (GB10, 128 GB)'],
    ['GMKtec EVO-X2 (128 GB)', 'GMKtec EVO-X2 (128 GB)'],
    ['Refurbished Apple Mac Studio (M1 Ultra, 128 GB)', 'Refurbished Apple Mac Studio (M1 Ultra, 128 GB)'],
    ['Box (chip one, has 512 GB inside)', 'Box'],
    ['Framework Desktop (Ryzen AI Max+ 395,   128 GB)', 'Framework Desktop (Ryzen AI Max+ 395, 128 GB)'],
  ])('%s -> %s', (name, expected) => expect(short('machine', name)).toBe(expected));
});

describe('CPU platforms and modules', () => {
  it.each([
    ['AMD Ryzen 5 7600 on ASRock B650M Pro RS, tower cooler, no DIMMs', 'Ryzen 5 7600'],
    ['Intel Core i5-13400F on MSI PRO B760-P WIFI (DDR5)', 'Core i5-13400F'],
    [
      'Dell PowerEdge R740 (2U) with 2x Xeon Gold 6126 and 128 GB DDR4 (4 x 32 GB), used',
      'Dell PowerEdge R740',
    ],
    ['Supermicro H13SSL-N + EPYC 9015, no DIMMs', 'Supermicro H13SSL-N + EPYC 9015'],
    ['Gigabyte MZ33-AR1 + EPYC 9135, used', 'Gigabyte MZ33-AR1 + EPYC 9135'],
  ])('platform %s -> %s', (name, expected) => expect(short('cpu-platform', name)).toBe(expected));
  it.each([
    ['Corsair Vengeance 16 GB DDR5-6000 CL30 UDIMM (from the 2x16 GB kit)', '16 GB DDR5 UDIMM'],
    ['Samsung 64 GB DDR4-3200 LRDIMM', '64 GB DDR4 LRDIMM'],
    ['DDR4 RDIMM 32 GB (any vendor, DDR4-2666 or faster)', '32 GB DDR4 RDIMM'],
    ['Kingston 32 GB DDR4 desktop memory', '32 GB DDR4 UDIMM'],
    ['Some 8 GB module (old)', 'Some 8 GB module'],
    ['Crucial 48 GB DDR5-5600 SODIMM', '48 GB DDR5'],
  ])('module %s -> %s', (name, expected) => expect(short('memory-module', name)).toBe(expected));
});
