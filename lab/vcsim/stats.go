package main

import (
	"math/rand"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// setVMStats gives every VM plausible quick stats and running tools (the simulator leaves them at zero and
// "not installed"), so that the VM table and the tools check have something to show.
func setVMStats(vms []*object.VirtualMachine, rng *rand.Rand) {
	for _, vm := range vms {
		g := vmObj(vm)
		host := simulator.Map.Get(*g.Runtime.Host).(*simulator.HostSystem)
		mhz := host.Summary.Hardware.CpuMhz
		numCPU := g.Summary.Config.NumCpu
		memMB := g.Summary.Config.MemorySizeMB
		g.Summary.Runtime.MaxCpuUsage = mhz * numCPU
		g.Summary.Runtime.MaxMemoryUsage = memMB
		on := g.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn
		if on {
			g.Summary.QuickStats.OverallCpuUsage = int32(float64(mhz*numCPU) * (0.05 + 0.6*rng.Float64()))
			g.Summary.QuickStats.StaticCpuEntitlement = mhz * numCPU
			g.Summary.QuickStats.GuestMemoryUsage = int32(float64(memMB) * (0.1 + 0.6*rng.Float64()))
			g.Summary.QuickStats.HostMemoryUsage = int32(float64(memMB) * (0.3 + 0.6*rng.Float64()))
			g.Summary.QuickStats.UptimeSeconds = int32(3600 + rng.Intn(86400*30))
			g.Guest.ToolsStatus = types.VirtualMachineToolsStatusToolsOk
			g.Guest.ToolsRunningStatus = string(types.VirtualMachineToolsRunningStatusGuestToolsRunning)
		} else {
			g.Summary.QuickStats = types.VirtualMachineQuickStats{GuestHeartbeatStatus: types.ManagedEntityStatusGray}
			g.Guest.ToolsStatus = types.VirtualMachineToolsStatusToolsNotRunning
			g.Guest.ToolsRunningStatus = string(types.VirtualMachineToolsRunningStatusGuestToolsNotRunning)
		}
		g.Guest.ToolsVersion = "11360"
		g.Guest.ToolsVersionStatus2 = string(types.VirtualMachineToolsVersionStatusGuestToolsCurrent)
		g.Summary.Guest.ToolsStatus = g.Guest.ToolsStatus
		g.Summary.Guest.ToolsRunningStatus = g.Guest.ToolsRunningStatus
		g.Summary.Guest.ToolsVersionStatus2 = g.Guest.ToolsVersionStatus2
	}
}

func setHostStats(places []hostPlace, rng *rand.Rand) {
	for _, p := range places {
		h := simulator.Map.Get(p.host.Reference()).(*simulator.HostSystem)
		hw := h.Summary.Hardware
		h.Summary.QuickStats.OverallCpuUsage = int32(float64(hw.CpuMhz) * float64(hw.NumCpuCores) * (0.1 + 0.5*rng.Float64()))
		h.Summary.QuickStats.OverallMemoryUsage = int32(float64(hw.MemorySize) / (1 << 20) * (0.2 + 0.5*rng.Float64()))
		h.Summary.QuickStats.Uptime = int32(86400 + rng.Intn(86400*100))
		h.Summary.OverallStatus = types.ManagedEntityStatusGreen
	}
}
