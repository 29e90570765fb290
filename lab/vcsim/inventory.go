package main

import (
	"context"
	"fmt"
	"path"
	"sort"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// hostPlace is where a host's VMs go: its compute resource's root pool and its datacenter's VM folder.
type hostPlace struct {
	host     *object.HostSystem
	name     string
	pool     *object.ResourcePool
	vmFolder *object.Folder
}

// sortedEntities lists the simulator's entities of one type by name, so that scenarios pick the same
// objects from one run to the next.
func sortedEntities(kind string) []mo.Entity {
	all := simulator.Map.All(kind)
	sort.Slice(all, func(i, j int) bool { return all[i].Entity().Name < all[j].Entity().Name })
	return all
}

func parentOf(e mo.Entity) mo.Entity {
	p := e.Entity().Parent
	if p == nil {
		return nil
	}
	obj, ok := simulator.Map.Get(*p).(mo.Entity)
	if !ok {
		return nil
	}
	return obj
}

func placeOf(c *vim25.Client, h mo.Entity) (hostPlace, error) {
	var pool *types.ManagedObjectReference
	var vmFolder *types.ManagedObjectReference
	for e := parentOf(h); e != nil; e = parentOf(e) {
		switch x := e.(type) {
		case *simulator.ClusterComputeResource:
			if pool == nil {
				pool = x.ResourcePool
			}
		case *mo.ComputeResource:
			if pool == nil {
				pool = x.ResourcePool
			}
		case *simulator.Datacenter:
			ref := x.VmFolder
			vmFolder = &ref
		}
	}
	if pool == nil || vmFolder == nil {
		return hostPlace{}, fmt.Errorf("host %s: no resource pool or datacenter found", h.Entity().Name)
	}
	return hostPlace{
		host:     object.NewHostSystem(c, h.Reference()),
		name:     h.Entity().Name,
		pool:     object.NewResourcePool(c, *pool),
		vmFolder: object.NewFolder(c, *vmFolder),
	}, nil
}

func hostPlaces(c *vim25.Client) ([]hostPlace, error) {
	var places []hostPlace
	for _, h := range sortedEntities("HostSystem") {
		p, err := placeOf(c, h)
		if err != nil {
			return nil, err
		}
		places = append(places, p)
	}
	return places, nil
}

// createVM creates one VM like the simulator's own model does (SCSI disk, IDE CD drive, one NIC), but with
// its CD drive disconnected, so that "a VM with a connected CD" is a scenario and not every VM.
func createVM(ctx context.Context, c *vim25.Client, p hostPlace, name string) (*object.VirtualMachine, error) {
	config := types.VirtualMachineConfigSpec{
		Name:     name,
		GuestId:  string(types.VirtualMachineGuestOsIdentifierOtherGuest),
		NumCPUs:  2,
		MemoryMB: 2048,
		Files:    &types.VirtualMachineFileInfo{VmPathName: "[LocalDS_0]"},
	}
	var devices object.VirtualDeviceList
	scsi, err := devices.CreateSCSIController("pvscsi")
	if err != nil {
		return nil, err
	}
	ide, err := devices.CreateIDEController()
	if err != nil {
		return nil, err
	}
	cdrom, err := devices.CreateCdrom(ide.(*types.VirtualIDEController))
	if err != nil {
		return nil, err
	}
	cdrom.Connectable.Connected = false
	cdrom.Connectable.StartConnected = false
	disk := devices.CreateDisk(scsi.(types.BaseVirtualController), types.ManagedObjectReference{},
		config.Files.VmPathName+" "+path.Join(name, "disk1.vmdk"))
	disk.CapacityInKB = 1024
	nic := esx.EthernetCard
	devices = append(devices, scsi, cdrom, disk, &nic)
	config.DeviceChange, err = devices.ConfigSpec(types.VirtualDeviceConfigSpecOperationAdd)
	if err != nil {
		return nil, err
	}
	task, err := p.vmFolder.CreateVM(ctx, config, p.pool, p.host)
	if err != nil {
		return nil, err
	}
	info, err := task.WaitForResult(ctx, nil)
	if err != nil {
		return nil, err
	}
	return object.NewVirtualMachine(c, info.Result.(types.ManagedObjectReference)), nil
}

func waitTask(ctx context.Context, t *object.Task, err error) error {
	if err != nil {
		return err
	}
	return t.Wait(ctx)
}

// createVMs puts vmsPerHost VMs on every host (named <host>_VM<n>) and powers them on.
func createVMs(ctx context.Context, c *vim25.Client, places []hostPlace, vmsPerHost int) ([]*object.VirtualMachine, error) {
	var vms []*object.VirtualMachine
	for _, p := range places {
		for i := 0; i < vmsPerHost; i++ {
			vm, err := createVM(ctx, c, p, fmt.Sprintf("%s_VM%d", p.name, i))
			if err != nil {
				return nil, err
			}
			t, err := vm.PowerOn(ctx)
			if err := waitTask(ctx, t, err); err != nil {
				return nil, err
			}
			vms = append(vms, vm)
		}
	}
	return vms, nil
}
