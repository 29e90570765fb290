package main

import (
	"context"
	"fmt"
	"math/rand"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/types"
)

// scenario holds the switches that turn a plain simulated inventory into one with something to report.
type scenario struct {
	poweredOff, suspended, templates    int
	maintenance, disconnected           int
	snapshots, oldSnapshots             int
	noTools, cdrom                      int
	migrations, removed                 int
	eventDays                           int
	hotHost, lowDatastore, badDatastore bool
	alarms, hostileName                 bool
}

// applied is what the scenario did, by name, for the ready line: tests compare against it.
type applied struct {
	MaintenanceHosts  []string         `json:"maintenanceHosts"`
	DisconnectedHosts []string         `json:"disconnectedHosts"`
	HotHost           string           `json:"hotHost"`
	SnapshotVms       []string         `json:"snapshotVms"`
	OldSnapshotVms    []string         `json:"oldSnapshotVms"`
	NoToolsVms        []string         `json:"noToolsVms"`
	CdromVms          []string         `json:"cdromVms"`
	RemovedVms        []string         `json:"removedVms"`
	Migrations        []migrationEvent `json:"migrations"`
	LowDatastore      string           `json:"lowDatastore"`
	InaccessibleDs    string           `json:"inaccessibleDatastore"`
	TriggeredAlarms   int              `json:"triggeredAlarms"`
	HostileVm         string           `json:"hostileVm"`
}

func vmObj(vm *object.VirtualMachine) *simulator.VirtualMachine {
	return simulator.Map.Get(vm.Reference()).(*simulator.VirtualMachine)
}

func applyScenario(ctx context.Context, c *vim25.Client, places []hostPlace, vms []*object.VirtualMachine, s scenario, rng *rand.Rand) (applied, error) {
	out := applied{}
	// VM states come first: the VM lists below pick among powered-on VMs.
	next := 0
	take := func(n int) []*object.VirtualMachine {
		if next+n > len(vms) {
			n = len(vms) - next
		}
		picked := vms[next : next+n]
		next += n
		return picked
	}
	for _, vm := range take(s.poweredOff) {
		if err := powerOff(ctx, vm); err != nil {
			return out, err
		}
	}
	for _, vm := range take(s.suspended) {
		t, err := vm.Suspend(ctx)
		if err := waitTask(ctx, t, err); err != nil {
			return out, err
		}
	}
	for _, vm := range take(s.templates) {
		if err := powerOff(ctx, vm); err != nil {
			return out, err
		}
		if err := vm.MarkAsTemplate(ctx); err != nil {
			return out, err
		}
	}
	running := vms[next:]

	setVMStats(vms, rng)
	noTools := pick(running, 0, s.noTools)
	for _, vm := range noTools {
		g := vmObj(vm)
		g.Guest.ToolsStatus = types.VirtualMachineToolsStatusToolsNotInstalled
		g.Guest.ToolsRunningStatus = string(types.VirtualMachineToolsRunningStatusGuestToolsNotRunning)
		g.Summary.Guest.ToolsStatus = g.Guest.ToolsStatus
		g.Summary.Guest.ToolsRunningStatus = g.Guest.ToolsRunningStatus
		out.NoToolsVms = append(out.NoToolsVms, g.Name)
	}
	for _, vm := range pick(running, s.noTools, s.cdrom) {
		if err := connectCdrom(vmObj(vm)); err != nil {
			return out, err
		}
		out.CdromVms = append(out.CdromVms, vmObj(vm).Name)
	}
	snapVms := pick(running, s.noTools+s.cdrom, s.snapshots)
	for i, vm := range snapVms {
		old := i < s.oldSnapshots
		if err := snapshot(ctx, vm, old); err != nil {
			return out, err
		}
		out.SnapshotVms = append(out.SnapshotVms, vmObj(vm).Name)
		if old {
			out.OldSnapshotVms = append(out.OldSnapshotVms, vmObj(vm).Name)
		}
	}

	setHostStats(places, rng)
	hosts := places
	for _, p := range pickHosts(hosts, 0, s.maintenance) {
		t, err := p.host.EnterMaintenanceMode(ctx, 0, false, nil)
		if err := waitTask(ctx, t, err); err != nil {
			return out, err
		}
		out.MaintenanceHosts = append(out.MaintenanceHosts, p.name)
	}
	alarmConn := newAlarm("Host connection and power state")
	alarmCPU := newAlarm("Host CPU usage")
	for _, p := range pickHosts(hosts, s.maintenance, s.disconnected) {
		h := simulator.Map.Get(p.host.Reference()).(*simulator.HostSystem)
		h.Runtime.ConnectionState = types.HostSystemConnectionStateDisconnected
		if s.alarms {
			raise(&h.ManagedEntity, alarmConn, types.ManagedEntityStatusRed)
			h.Summary.OverallStatus = types.ManagedEntityStatusRed
			out.TriggeredAlarms++
		}
		out.DisconnectedHosts = append(out.DisconnectedHosts, p.name)
	}
	if s.hotHost && len(hosts) > s.maintenance+s.disconnected {
		p := hosts[len(hosts)-1]
		h := simulator.Map.Get(p.host.Reference()).(*simulator.HostSystem)
		hw := h.Summary.Hardware
		h.Summary.QuickStats.OverallCpuUsage = int32(float64(hw.CpuMhz) * float64(hw.NumCpuCores) * 0.95)
		h.Summary.QuickStats.OverallMemoryUsage = int32(float64(hw.MemorySize) / (1 << 20) * 0.95)
		if s.alarms {
			raise(&h.ManagedEntity, alarmCPU, types.ManagedEntityStatusYellow)
			h.Summary.OverallStatus = types.ManagedEntityStatusYellow
			out.TriggeredAlarms++
		}
		out.HotHost = p.name
	}

	dss := sortedEntities("Datastore")
	if s.lowDatastore && len(dss) > 0 {
		ds := dss[0].(*simulator.Datastore)
		ds.Summary.FreeSpace = ds.Summary.Capacity * 3 / 100
		ds.Info.GetDatastoreInfo().FreeSpace = ds.Summary.FreeSpace
		out.LowDatastore = ds.Name
	}
	if s.badDatastore && len(dss) > 1 {
		ds := dss[len(dss)-1].(*simulator.Datastore)
		ds.Summary.Accessible = false
		ds.OverallStatus = types.ManagedEntityStatusRed
		out.InaccessibleDs = ds.Name
	}

	for i := 0; i < s.removed && len(places) > 0; i++ {
		name := fmt.Sprintf("removed_VM%d", i)
		vm, err := createVM(ctx, c, places[0], name)
		if err != nil {
			return out, err
		}
		t, err := vm.Destroy(ctx)
		if err := waitTask(ctx, t, err); err != nil {
			return out, err
		}
		out.RemovedVms = append(out.RemovedVms, name)
	}
	if s.hostileName && len(running) > 0 {
		// A name a console must show as text: markup, an entity, quotes and non-ASCII.
		name := `<img src=x onerror=alert(1)> & "vm" été`
		t, err := running[len(running)-1].Rename(ctx, name)
		if err := waitTask(ctx, t, err); err != nil {
			return out, err
		}
		out.HostileVm = name
	}
	migrations, err := postMigrations(ctx, c, places, running, s)
	if err != nil {
		return out, err
	}
	out.Migrations = migrations
	return out, nil
}

func powerOff(ctx context.Context, vm *object.VirtualMachine) error {
	t, err := vm.PowerOff(ctx)
	return waitTask(ctx, t, err)
}

// pick returns vms[from:from+n], clipped to the list.
func pick(vms []*object.VirtualMachine, from, n int) []*object.VirtualMachine {
	if from >= len(vms) {
		return nil
	}
	if from+n > len(vms) {
		n = len(vms) - from
	}
	return vms[from : from+n]
}

func pickHosts(hosts []hostPlace, from, n int) []hostPlace {
	if from >= len(hosts) {
		return nil
	}
	if from+n > len(hosts) {
		n = len(hosts) - from
	}
	return hosts[from : from+n]
}

func connectCdrom(vm *simulator.VirtualMachine) error {
	for _, d := range vm.Config.Hardware.Device {
		if cd, ok := d.(*types.VirtualCdrom); ok {
			cd.Connectable.Connected = true
			cd.Connectable.StartConnected = true
			cd.Backing = &types.VirtualCdromIsoBackingInfo{
				VirtualDeviceFileBackingInfo: types.VirtualDeviceFileBackingInfo{FileName: "[LocalDS_0] iso/install.iso"},
			}
			return nil
		}
	}
	return fmt.Errorf("%s has no CD drive", vm.Name)
}

// snapshot creates a snapshot with a nested child; an "old" one is back-dated 30 and 20 days.
func snapshot(ctx context.Context, vm *object.VirtualMachine, old bool) error {
	for _, name := range []string{"before-upgrade", "nested"} {
		t, err := vm.CreateSnapshot(ctx, name, "lab snapshot <b>"+name+"</b>", false, false)
		if err := waitTask(ctx, t, err); err != nil {
			return err
		}
	}
	if old {
		g := vmObj(vm)
		root := &g.Snapshot.RootSnapshotList[0]
		root.CreateTime = time.Now().Add(-30 * 24 * time.Hour)
		if len(root.ChildSnapshotList) > 0 {
			root.ChildSnapshotList[0].CreateTime = time.Now().Add(-20 * 24 * time.Hour)
		}
	}
	return nil
}
