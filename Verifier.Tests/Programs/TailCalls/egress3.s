; egress3 (cgroup_skb/egress): last stage. Allows (1) only if both earlier stages ran on this CPU.
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[tail_context_map] ll
    call 1                          ; bpf_map_lookup_elem
    r1 = r0
    r0 = 0                          ; deny unless proven otherwise
    if r1 == 0 goto done
    r2 = *(u8 *)(r1 + 0)
    if r2 != 11 goto done           ; value_from_1
    r2 = *(u8 *)(r1 + 1)
    if r2 != 22 goto done           ; value_from_2
    r0 = 1                          ; allow
done:
    exit
