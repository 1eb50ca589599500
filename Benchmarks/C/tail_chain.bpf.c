// SPDX-License-Identifier: GPL-2.0
/* The C twin of Programs/TailChain/EgressChain.cs: three cgroup_skb/egress stages chained by tail calls. */
#include "tail_chain_common.h"

#define CGROUP_SKB_DROP 0
#define CGROUP_SKB_ALLOW 1

SEC("cgroup_skb/egress")
int Egress1(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct tail_context *shared = bpf_map_lookup_elem(&tail_context_map, &key);
	if (!shared)
		return CGROUP_SKB_ALLOW;

	*shared = (struct tail_context){};
	shared->value_from1 = FIRST_VALUE;
	bpf_tail_call(skb, &tail_programs, SLOT_SECOND);
	return CGROUP_SKB_DROP;
}

SEC("cgroup_skb/egress")
int Egress2(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct tail_context *shared = bpf_map_lookup_elem(&tail_context_map, &key);
	if (!shared)
		return CGROUP_SKB_ALLOW;

	shared->value_from2 = SECOND_VALUE;
	bpf_tail_call(skb, &tail_programs, SLOT_THIRD);
	return CGROUP_SKB_DROP;
}

SEC("cgroup_skb/egress")
int Egress3(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct tail_context *shared = bpf_map_lookup_elem(&tail_context_map, &key);
	if (!shared)
		return CGROUP_SKB_ALLOW;

	bpf_printk("[egress3] first=%d second=%d", shared->value_from1, shared->value_from2);
	return shared->value_from1 == FIRST_VALUE && shared->value_from2 == SECOND_VALUE
		? CGROUP_SKB_ALLOW
		: CGROUP_SKB_DROP;
}

char LICENSE[] SEC("license") = "GPL";
