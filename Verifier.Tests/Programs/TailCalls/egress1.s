; egress1 (cgroup_skb/egress): first stage of the seed's tail-call chain.
; Resets this CPU's tail_context, records value_from_1 = 11, tail-calls egress2.
; Unlike the seed, it null-checks the looked-up VALUE (r0), not ctx.
    r6 = r1                         ; keep ctx for the tail call
    r1 = 0
    *(u32 *)(r10 - 4) = r1          ; key = 0
    r2 = r10
    r2 += -4
    r1 = map[tail_context_map] ll
    call 1                          ; bpf_map_lookup_elem
    if r0 == 0 goto fallback        ; the value may be absent: check it
    r1 = 0
    *(u16 *)(r0 + 0) = r1           ; memset(tail_context, 0, 2)
    r1 = 11
    *(u8 *)(r0 + 0) = r1            ; value_from_1 = 11
    r1 = r6
    r2 = map[tail_programs] ll
    r3 = slot[egress2]
    call 12                         ; bpf_tail_call: does not return on success
fallback:
    r0 = 0                          ; only reached when the tail call failed
    exit
