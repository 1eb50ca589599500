; egress2 (cgroup_skb/egress): second stage. Records value_from_2 = 22, tail-calls egress3.
    r6 = r1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[tail_context_map] ll
    call 1                          ; bpf_map_lookup_elem
    if r0 == 0 goto fallback
    r1 = 22
    *(u8 *)(r0 + 1) = r1            ; value_from_2 = 22
    r1 = r6
    r2 = map[tail_programs] ll
    r3 = slot[egress3]
    call 12                         ; bpf_tail_call
fallback:
    r0 = 0                          ; egress3's slot is empty
    exit
