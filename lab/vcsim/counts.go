package main

import (
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// countInventory counts what the simulator holds once the scenario is applied: the figures a client must
// find through the API.
func countInventory() counts {
	var n counts
	n.Datacenters = len(simulator.Map.All("Datacenter"))
	n.Clusters = len(simulator.Map.All("ClusterComputeResource"))
	n.Datastores = len(simulator.Map.All("Datastore"))
	n.Networks = len(simulator.Map.All("Network")) + len(simulator.Map.All("DistributedVirtualPortgroup"))
	for _, e := range simulator.Map.All("HostSystem") {
		h := e.(*simulator.HostSystem)
		n.Hosts++
		switch h.Runtime.ConnectionState {
		case types.HostSystemConnectionStateConnected:
			n.HostsConnected++
		default:
			n.HostsDisconnected++
		}
		if h.Runtime.InMaintenanceMode {
			n.HostsMaintenance++
		}
	}
	for _, e := range simulator.Map.All("VirtualMachine") {
		vm := e.(*simulator.VirtualMachine)
		if vm.Config != nil && vm.Config.Template {
			n.Templates++
			continue
		}
		n.Vms++
		switch vm.Runtime.PowerState {
		case types.VirtualMachinePowerStatePoweredOn:
			n.VmsPoweredOn++
		case types.VirtualMachinePowerStateSuspended:
			n.VmsSuspended++
		default:
			n.VmsPoweredOff++
		}
	}
	return n
}
