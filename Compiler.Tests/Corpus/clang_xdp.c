// Compiled by Compiler.Tests/Asm/ClangObjectTests with -mcpu=v1, v3 and v4: real code generator output for the disassembler.
#include <linux/bpf.h>
#define SEC(n) __attribute__((section(n), used))
static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *)1;
struct { int type; int max_entries; int key_size; int value_size; } counters SEC(".maps") = { BPF_MAP_TYPE_ARRAY, 4, 4, 8 };
#if __BPF_CPU_VERSION__ >= 4
#define DIV(a, b) ((a) / (b))
#else
#define DIV(a, b) ((int)((unsigned)(a) / (unsigned)(b)))
#endif
static __attribute__((noinline)) int mix(int a, long b) { return (a * 31) ^ (int)(b >> 3) ^ DIV(a, (int)(b | 1)); }
SEC("xdp") int prog(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
  unsigned char *p = data;
  if (p + 34 > (unsigned char *)end) return XDP_PASS;
  unsigned short proto = (p[12] << 8) | p[13];
  int key = proto & 3;
  long *v = bpf_map_lookup_elem(&counters, &key);
  if (v) __sync_fetch_and_add(v, 1);
  signed char s = (signed char)p[20];
  long acc = s;
  for (int i = 0; i < 8; i++) acc += (short)p[14 + i] * i;
  if (acc < -5 || (unsigned)acc > 1000) return XDP_DROP;
  return mix((int)acc, __builtin_bswap32(*(unsigned int *)(p + 26))) & 1 ? XDP_TX : XDP_PASS;
}
char _license[] SEC("license") = "GPL";
