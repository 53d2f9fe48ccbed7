import { generateFolder } from '/work/main/bench/build/generate';
const t = performance.now();
console.log(generateFolder('/tmp/baoxun-gen-test', 5), (performance.now() - t) / 1000);
